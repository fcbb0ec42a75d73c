package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.inventory.api.RigsApi;
import io.rigledger.procurement.upstream.inventory.model.Rig;
import io.rigledger.procurement.upstream.inventory.model.RigPage;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * Whether inventory-service holds a rig in an organisation's fleet now, and in which state (operation
 * listRigs filtered by serialNumber and manufacturer, client generated from inventory.yaml), asked
 * with procurement-service's own client-credentials token (role service) naming the organisation.
 * A shipment asks it for a serial procurement-service received before: such a rig ships again only
 * when it is back at its maker (RMA). Retries and breaker:
 * quarkus.fault-tolerance."io.rigledger.procurement.upstream.InventoryFleet/find".*.
 */
@ApplicationScoped
public class InventoryFleet {

    @Inject
    @RestClient
    RigsApi rigs;

    /** A rig inventory-service holds: its asset id (RIG-...) and status (RECEIVED, DEPLOYED, MAINTENANCE, RMA, RETIRED). */
    public record HeldRig(String assetId, String status) {

        /** Sent back to its maker for repair or replacement: it may ship to us again. */
        public boolean inRma() {
            return "RMA".equals(status);
        }
    }

    /**
     * The rig of {@code org} with this maker and serial, if inventory-service holds one.
     *
     * @param manufacturer the maker's code as inventory-service spells it, e.g. BITMAIN
     * @throws UpstreamUnavailableException when inventory-service does not answer, fails, refuses our
     *         token or the question (any 4xx: the question is ours, so not the caller's fault)
     */
    @Retry(retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("inventory-find-rig")
    public Optional<HeldRig> find(String org, String manufacturer, String serialNumber) {
        RigPage page;
        try {
            page = rigs.listRigs(10, null, null, null, null, manufacturer, null, null, null, serialNumber, null, org);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "listRigs", e);
        }
        if (page == null || page.getItems() == null) {
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "listRigs", new IllegalStateException("answered no page"));
        }
        for (Rig rig : page.getItems()) {
            if (serialNumber.equals(rig.getSerialNumber()) && manufacturer.equals(rig.getManufacturer())) {
                return Optional.of(new HeldRig(rig.getId(), rig.getStatus() == null ? null : rig.getStatus().value()));
            }
        }
        return Optional.empty();
    }
}
