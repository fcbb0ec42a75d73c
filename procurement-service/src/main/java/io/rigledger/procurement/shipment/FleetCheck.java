package io.rigledger.procurement.shipment;

import io.rigledger.platform.http.ETags;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.PurchaseOrder;
import io.rigledger.procurement.upstream.InventoryFleet;
import io.rigledger.procurement.upstream.InventoryFleet.HeldRig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A serial procurement-service received before (on this or an earlier order of the organisation)
 * ships again only as a rig back from RMA (issue 10 items 6 and 7): each such serial of a shipment is
 * looked up in inventory-service's fleet ({@link InventoryFleet}) before the shipment's transaction,
 * never inside it. Held and not in RMA: the rig is in the fleet and cannot be on its way to us, 409.
 * In RMA: a return, accepted. Not held (its registration still on its way, say): accepted, and the
 * receipt's own check (RigOutbox: a replay inventory does not answer as a return is REFUSED) stays
 * the last word, since a rig may leave RMA between shipment and receipt. Which serials were received
 * before is one statement ({@link ShipmentStore#receivedBefore}); a shipment of serials never received
 * reads nothing else and asks inventory-service nothing.
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
     *         (as the shipment itself would answer), checked here only before inventory-service is asked; 409 naming each lines[i].rigs[j].serialNumber that
     *         inventory-service holds and that is not in RMA, with its asset id and status
     * @throws io.rigledger.platform.problem.UpstreamUnavailableException 503 when inventory-service must
     *         be asked (a serial received before) and cannot answer
     */
    public void refuseRigsInTheFleet(UUID orderId, String org, String ifMatch, NewShipment request) {
        List<int[]> places = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewShipment.Line line = request.lines().get(i);
            for (int j = 0; j < line.rigs().size(); j++) {
                places.add(new int[] {i, j});
                lineNumbers.add(line.lineNumber());
                serials.add(line.rigs().get(j).serialNumber());
            }
        }
        // one statement, whatever the shipment: most ship no serial received before and stop here
        Map<Integer, String> received = store.receivedBefore(orderId, org,
                lineNumbers.stream().mapToInt(Integer::intValue).toArray(), serials.toArray(String[]::new));
        if (received.isEmpty()) {
            return;
        }
        Optional<PurchaseOrder> found = store.order(orderId, org);
        if (found.isEmpty() || !found.get().status.shippable()) {
            return;
        }
        ETags.requireMatch(ifMatch, found.get().version);
        List<Violation> inFleet = new ArrayList<>();
        for (Map.Entry<Integer, String> rig : received.entrySet()) {
            String maker = rig.getValue();
            String serial = serials.get(rig.getKey());
            Optional<HeldRig> held = fleet.find(org, maker, serial);
            if (held.isPresent() && !held.get().inRma()) {
                int[] at = places.get(rig.getKey());
                inFleet.add(new Violation("lines[" + at[0] + "].rigs[" + at[1] + "].serialNumber", serial + " (" + maker + ") is in the fleet as "
                        + held.get().assetId() + ", status " + held.get().status()
                        + ", and not in RMA: only a rig back from RMA ships again"));
            }
        }
        if (!inFleet.isEmpty()) {
            throw Problems.conflict(inFleet);
        }
    }
}
