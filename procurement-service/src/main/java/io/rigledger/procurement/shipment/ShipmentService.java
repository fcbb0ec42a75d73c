package io.rigledger.procurement.shipment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.PurchaseOrder;
import io.rigledger.procurement.shipment.ShipmentViews.ShipmentSummaryView;
import io.rigledger.procurement.shipment.ShipmentViews.ShipmentView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Shipments of an order's rigs: checks what a shipment says about itself (serial counts, serials
 * repeated inside it, its size) before anything is read, then whether a serial received before is a
 * rig back from RMA ({@link FleetCheck}, which may ask inventory-service, outside any transaction),
 * then has {@link ShipmentStore} record it under the order's row lock with the request's Idempotency-Key.
 */
@ApplicationScoped
public class ShipmentService {

    private final ShipmentStore store;
    private final FleetCheck fleet;
    private final Idempotency idempotency;
    private final Paging paging;
    private final ObjectMapper json;

    ShipmentService(ShipmentStore store, FleetCheck fleet, Idempotency idempotency, Paging paging, ObjectMapper json) {
        this.store = store;
        this.fleet = fleet;
        this.idempotency = idempotency;
        this.paging = paging;
        this.json = json;
    }

    /**
     * Records a shipment of the order's rigs; 201 with the shipment's Location and the order's new
     * ETag, or the stored answer of an earlier request with the same Idempotency-Key.
     *
     * @param base the server's base URL, to which /api/shipments/{id} is appended for Location
     * @throws io.rigledger.platform.problem.ProblemException 400 naming lines[i].rigs when its serial
     *         count differs from lines[i].quantity, lines[i].rigs[j].serialNumber repeated in the
     *         shipment, lines[i].lineNumber named twice, or lines over 10,000 rigs; 409 naming
     *         lines[i].rigs[j].serialNumber for a rig received before that inventory-service holds outside RMA,
     *         503 when it must be asked and cannot answer (see {@link FleetCheck}); then as {@link ShipmentStore#ship}
     */
    public Answer ship(UUID orderId, String org, String createdBy, String ifMatch, NewShipment request, Claim claim,
                       String base) {
        selfConsistent(request);
        return idempotency.once(claim, c -> {
            // before the shipment's transaction: this may ask inventory-service
            fleet.refuseRigsInTheFleet(orderId, org, ifMatch, request);
            UUID id = UUID.randomUUID();
            return store.ship(new ShipmentStore.Draft(id, orderId, org, createdBy, ifMatch, request), c,
                    view -> answer(201, view, base + "api/shipments/" + id, ETags.of(view.orderVersion())));
        });
    }

    /** The shipment with its rigs, if it is this organisation's. */
    public Optional<ShipmentView> find(UUID id, String org) {
        return store.find(id, org).map(s -> {
            PurchaseOrder order = store.order(s.orderId, org).orElseThrow();
            return ShipmentView.of(s, order.status, order.version, store.rigsOf(s.id), ShipmentViews.skus(store.lines(s.orderId)));
        });
    }

    /**
     * One page of the order's shipments, oldest first, from {@code cursor} (null: the first page).
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for another organisation's or a missing order;
     *         400 naming cursor unless it is a cursor of this order's shipments that this organisation was given
     */
    public Page<ShipmentSummaryView> page(UUID orderId, String org, String cursor, int limit) {
        // the cursor is read first: a bad request is 400 whether or not the order exists (BadInputTest), and its
        // scope needs only the org and the order id the caller named
        CursorScope scope = CursorScope.of(org, "shipments", orderId);
        CursorKey after = paging.after(cursor, 2, scope);
        store.order(orderId, org).orElseThrow(() -> Problems.notFound("purchase order", orderId));
        List<Shipment> rows = after == null ? store.ofOrder(orderId, null, null, limit + 1)
                : store.ofOrder(orderId, after.instant(0), after.uuid(1), limit + 1);
        return paging.page(rows, limit, scope, s -> new String[] {s.createdAt.toString(), s.id.toString()}, ShipmentSummaryView::of);
    }

    /** What a shipment must say consistently about itself, whatever the order holds. */
    static void selfConsistent(NewShipment request) {
        List<Violation> bad = new ArrayList<>();
        Map<String, String> firstField = new HashMap<>();
        Set<Integer> lineNumbers = new HashSet<>();
        int total = 0;
        for (int i = 0; i < request.lines().size(); i++) {
            NewShipment.Line line = request.lines().get(i);
            if (!lineNumbers.add(line.lineNumber())) {
                bad.add(new Violation("lines[" + i + "].lineNumber", "names line " + line.lineNumber() + " a second time"));
            }
            if (line.rigs().size() != line.quantity()) {
                bad.add(new Violation("lines[" + i + "].rigs", "has " + line.rigs().size() + " serial numbers but quantity is "
                        + line.quantity() + "; give one per rig shipped"));
            }
            total += line.rigs().size();
            for (int j = 0; j < line.rigs().size(); j++) {
                String field = "lines[" + i + "].rigs[" + j + "].serialNumber";
                String earlier = firstField.putIfAbsent(line.rigs().get(j).serialNumber(), field);
                if (earlier != null) {
                    bad.add(new Violation(field, line.rigs().get(j).serialNumber() + " is also " + earlier + " of this shipment"));
                }
            }
        }
        if (total > NewShipment.MAX_RIGS) {
            bad.add(new Violation("lines", "carry " + total + " rigs; at most " + NewShipment.MAX_RIGS + " per shipment"));
        }
        if (!bad.isEmpty()) {
            throw Problems.invalid(bad);
        }
    }

    private Answer answer(int status, ShipmentView view, String location, String etag) {
        return Answer.of(json, status, view, location, etag);
    }
}
