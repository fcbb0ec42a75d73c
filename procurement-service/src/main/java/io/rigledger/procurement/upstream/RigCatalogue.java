package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.inventory.api.RigModelsApi;
import io.rigledger.procurement.upstream.inventory.model.RigModel;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * inventory-service's rig model catalogue (operation getRigModel), through the client generated
 * from inventory.yaml. A read: retried when inventory-service is unavailable, behind a circuit
 * breaker so that a dead neighbour is answered fast; a model the catalogue lacks (404) is an
 * answer, not a failure. Retry and breaker values:
 * quarkus.fault-tolerance."io.rigledger.procurement.upstream.RigCatalogue/find".*; timeouts:
 * rigledger.procurement.upstream.*.
 */
@ApplicationScoped
public class RigCatalogue {

    public static final String SERVICE = "inventory-service";

    @Inject
    @RestClient
    RigModelsApi models;

    /** The model with this code (name, TH/s), or empty when the catalogue does not have it. */
    @Retry(retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("inventory-get-rig-model")
    public Optional<CatalogueModel> find(String code) {
        try {
            RigModel model = models.getRigModel(code);
            return Optional.of(new CatalogueModel(model.getName(), model.getHashrateThs()));
        } catch (WebApplicationException e) {
            if (Upstreams.status(e) == 404 && Upstreams.isProblem(e)) {
                return Optional.empty();
            }
            throw Upstreams.unavailable(SERVICE, "getRigModel", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(SERVICE, "getRigModel", e);
        }
    }
}
