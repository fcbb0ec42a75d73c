package io.rigledger.procurement.shipment;

import io.rigledger.platform.http.ETags;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.PurchaseOrder;
import io.rigledger.procurement.order.PurchaseOrderLine;
import io.rigledger.procurement.upstream.InventoryFleet;
import io.rigledger.procurement.upstream.InventoryFleet.HeldRig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A serial procurement-service received before (on this or an earlier order of the organisation)
 * ships again only as a rig back from RMA (issue 10 items 6 and 7): each such serial of a shipment is
 * looked up in inventory-service's fleet ({@link InventoryFleet}) before the shipment's transaction,
 * never inside it. Held and not in RMA: the rig is in the fleet and cannot be on its way to us, 409.
 * In RMA: a return, accepted. Not held (its registration still on its way, say): accepted, and the
 * receipt's own check (RigOutbox: a replay inventory does not answer as a return is REFUSED) stays
 * the last word, since a rig may leave RMA between shipment and receipt. A shipment of serials never
 * received asks inventory-service nothing.
 */
@ApplicationScoped
public class FleetCheck {

    private final ShipmentStore store;
    private final InventoryFleet fleet;

    FleetCheck(ShipmentStore store, InventoryFleet fleet) {
        this.store = store;
        this.fleet = fleet;
    }

    /**
     * Refuses a shipment carrying a rig the organisation's fleet holds outside RMA. Skipped for an
     * order that is missing, another organisation's or not shippable, and for lines the order lacks:
     * {@link ShipmentStore#ship} answers those under the order's lock.
     *
     * @throws io.rigledger.platform.problem.ProblemException 428 or 412 for a missing or stale If-Match
     *         (as the shipment itself would answer); 409 naming each lines[i].rigs[j].serialNumber that
     *         inventory-service holds and that is not in RMA, with its asset id and status
     * @throws io.rigledger.platform.problem.UpstreamUnavailableException 503 when inventory-service must
     *         be asked (a serial received before) and cannot answer
     */
    public void refuseRigsInTheFleet(UUID orderId, String org, String ifMatch, NewShipment request) {
        Optional<PurchaseOrder> found = store.order(orderId, org);
        if (found.isEmpty() || !found.get().status.shippable()) {
            return;
        }
        ETags.requireMatch(ifMatch, found.get().version);
        Map<Integer, String> makers = new HashMap<>();
        for (PurchaseOrderLine line : store.lines(orderId)) {
            makers.put(line.lineNumber, line.manufacturer == null ? ShipmentStore.UNKNOWN_MAKER : line.manufacturer);
        }
        List<Shipped> shipped = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewShipment.Line line = request.lines().get(i);
            String maker = makers.get(line.lineNumber());
            for (int j = 0; maker != null && j < line.rigs().size(); j++) {
                shipped.add(new Shipped("lines[" + i + "].rigs[" + j + "].serialNumber", maker, line.rigs().get(j).serialNumber()));
            }
        }
        if (shipped.isEmpty()) {
            return;
        }
        Set<String> received = store.receivedBefore(org, shipped.stream().map(Shipped::maker).toArray(String[]::new),
                shipped.stream().map(Shipped::serial).toArray(String[]::new));
        List<Violation> inFleet = new ArrayList<>();
        for (Shipped rig : shipped) {
            if (!received.contains(rig.maker() + '\n' + rig.serial())) {
                continue;
            }
            Optional<HeldRig> held = fleet.find(org, rig.maker(), rig.serial());
            if (held.isPresent() && !held.get().inRma()) {
                inFleet.add(new Violation(rig.field(), rig.serial() + " (" + rig.maker() + ") is in the fleet as "
                        + held.get().assetId() + ", status " + held.get().status()
                        + ", and not in RMA: only a rig back from RMA ships again"));
            }
        }
        if (!inFleet.isEmpty()) {
            throw Problems.conflict(inFleet);
        }
    }

    /** One rig of the request: where it is in the body, its maker (its order line's) and serial. */
    private record Shipped(String field, String maker, String serial) {
    }
}
