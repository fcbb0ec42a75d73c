package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.inventory.api.CatalogueApi;
import io.rigledger.procurement.upstream.inventory.api.RigModelsApi;
import io.rigledger.procurement.upstream.inventory.model.Plant;
import io.rigledger.procurement.upstream.inventory.model.RigModel;
import io.rigledger.procurement.upstream.inventory.model.RigModelPage;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads inventory-service's whole catalogue (operations listRigModels, page by page, and
 * listPlants) through the clients generated from inventory.yaml. Retried when inventory-service is
 * unavailable, behind a circuit breaker so that a dead neighbour is answered fast. Retry and
 * breaker values: quarkus.fault-tolerance."io.rigledger.procurement.upstream.CatalogueReader/read".*.
 */
@ApplicationScoped
public class CatalogueReader {

    public static final String SERVICE = "inventory-service";
    /** Models per page asked of listRigModels (its contract's maximum). */
    static final int PAGE = 1000;
    /** More pages than any catalogue has: a cursor that never ends is a broken neighbour. */
    static final int MAX_PAGES = 100;

    @Inject
    @RestClient
    RigModelsApi models;

    @Inject
    @RestClient
    CatalogueApi plants;

    /**
     * Every model and plant.
     *
     * @throws UpstreamUnavailableException when inventory-service does not answer, fails, or pages without end
     */
    @Retry(retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("inventory-catalogue")
    public CatalogueSnapshot read() {
        Map<String, CatalogueModel> byCode = new HashMap<>();
        Map<String, CataloguePlant> plantsByCode = new HashMap<>();
        try {
            String cursor = null;
            int pages = 0;
            do {
                RigModelPage page = models.listRigModels(PAGE, cursor);
                for (RigModel m : page.getItems()) {
                    byCode.put(m.getCode(), new CatalogueModel(m.getCode(), m.getName(), m.getManufacturer(),
                            m.getHashrateThs(), Boolean.TRUE.equals(m.getRetired())));
                }
                cursor = page.getNextCursor();
                if (++pages > MAX_PAGES) {
                    throw new IllegalStateException("listRigModels answered more than " + MAX_PAGES + " pages");
                }
            } while (cursor != null && !cursor.isEmpty());
            for (Plant p : plants.listPlants().getItems()) {
                plantsByCode.put(p.getCode(), new CataloguePlant(p.getCode(), p.getManufacturer(), p.getCountry(),
                        Boolean.TRUE.equals(p.getRetired())));
            }
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(SERVICE, "listRigModels/listPlants", e);
        }
        return new CatalogueSnapshot(byCode, plantsByCode, Instant.now());
    }
}
