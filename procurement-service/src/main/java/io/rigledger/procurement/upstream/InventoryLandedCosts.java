package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.inventory.api.RigsApi;
import io.rigledger.procurement.upstream.inventory.model.LandedCost;
import io.rigledger.procurement.upstream.inventory.model.LandedCostChange;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;

/**
 * A registered rig's landed cost in inventory-service (operation setRigLandedCost, PUT
 * /api/rigs/{id}/landed-cost), set with procurement-service's service account naming the
 * organisation. A PUT replaces the value (inventory keeps the previous one in the rig's history),
 * so sending the same cost again changes nothing that matters. Retries and breaker:
 * quarkus.fault-tolerance."io.rigledger.procurement.upstream.InventoryLandedCosts/set".*.
 */
@ApplicationScoped
public class InventoryLandedCosts {

    @Inject
    @RestClient
    RigsApi rigs;

    /** inventory-service refused this rig's cost (404: no such asset in the organisation; 409: the rig is RETIRED; 400). */
    public static class CostRefusedException extends RuntimeException {
        public CostRefusedException(String detail) {
            super(detail, null, false, false);
        }
    }

    /**
     * Sets the landed cost of asset {@code assetId} of {@code org}: price, duty and fees in USD.
     *
     * @param reason why it changed, e.g. "entry 123-4567890-1 allocation" (at most 200 characters)
     * @throws CostRefusedException when inventory-service refuses it for this rig
     * @throws UpstreamUnavailableException when it does not answer or fails
     */
    @Retry(retryOn = UpstreamUnavailableException.class, abortOn = CostRefusedException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class, skipOn = CostRefusedException.class)
    @CircuitBreakerName("inventory-set-landed-cost")
    public void set(String org, String assetId, BigDecimal price, BigDecimal duty, BigDecimal fees, String reason) {
        LandedCostChange change = new LandedCostChange().organisation(org)
                .landedCost(new LandedCost().price(price).duty(duty).fees(fees)).reason(reason);
        try {
            rigs.setRigLandedCost(assetId, change);
        } catch (WebApplicationException e) {
            int status = Upstreams.status(e);
            if ((status == 400 || status == 404 || status == 409) && Upstreams.isProblem(e)) {
                throw new CostRefusedException("inventory-service refused the landed cost of " + assetId + " (HTTP " + status + ")");
            }
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "setRigLandedCost", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "setRigLandedCost", e);
        }
    }
}
