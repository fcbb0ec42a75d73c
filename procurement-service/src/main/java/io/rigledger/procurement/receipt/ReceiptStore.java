package io.rigledger.procurement.receipt;

import io.quarkus.panache.common.Parameters;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.cost.LandedCosts.RigRange;
import io.rigledger.procurement.cost.LandedCosts;
import io.rigledger.procurement.order.OrderStatus;
import io.rigledger.procurement.order.PurchaseOrder;
import io.rigledger.procurement.order.PurchaseOrderLine;
import io.rigledger.procurement.shipment.Shipment;
import io.rigledger.procurement.shipment.ShippedRig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Receipts in PostgreSQL. One transaction, under the order's row lock: the receipt, its rigs'
 * new state (RECEIVED at the site), the lines' received counts, the order's status, one outbox
 * row per rig for inventory-service ({@link RigOutbox}) and the answer under the request's
 * Idempotency-Key. Either all of it is stored or none.
 */
@ApplicationScoped
public class ReceiptStore {

    private final EntityManager em;
    private final Idempotency idempotency;
    private final RigOutbox outbox;

    ReceiptStore(EntityManager em, Idempotency idempotency, RigOutbox outbox) {
        this.em = em;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** A receipt to record: the request with the caller, a fresh id and the time it was made. */
    record Draft(UUID id, UUID shipmentId, String org, String createdBy, Instant now, Instant receivedAt, NewReceipt request) {
    }

    /**
     * Receives the named rigs (all not yet received when none are named) at the site.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for another organisation's or a
     *         missing shipment; 400 naming serialNumbers[i] not on the shipment or named twice; 409
     *         naming serialNumbers[i] already received, or when every rig of the shipment was received
     * @throws io.rigledger.platform.idempotency.AlreadyAnswered when another request with the same key committed first
     */
    @Transactional
    public Answer receive(Draft d, Claim claim, Function<ReceiptView, Answer> answer) {
        Shipment shipment = Shipment.<Shipment>find("id = :id and org = :org", Parameters.with("id", d.shipmentId()).and("org", d.org()))
                .firstResultOptional().orElseThrow(() -> Problems.notFound("shipment", d.shipmentId()));
        PurchaseOrder order = em.find(PurchaseOrder.class, shipment.orderId, LockModeType.PESSIMISTIC_WRITE);
        List<ShippedRig> onShipment = ShippedRig.<ShippedRig>find("shipmentId = ?1 order by lineNumber, rigOnLine", shipment.id).list();
        onShipment.forEach(em::detach); // changed below in one statement, not row by row
        List<ShippedRig> arriving = arriving(onShipment, d.request().serialNumbers());
        Receipt r = new Receipt();
        r.id = d.id();
        r.org = d.org();
        r.shipmentId = shipment.id;
        r.orderId = order.id;
        r.site = d.request().site();
        r.receivedAt = d.receivedAt();
        r.rigCount = arriving.size();
        r.createdAt = d.now();
        r.createdBy = d.createdBy();
        em.persist(r);
        List<PurchaseOrderLine> lines = PurchaseOrderLine.<PurchaseOrderLine>find("orderId = ?1 order by lineNumber", order.id).list();
        Map<Integer, PurchaseOrderLine> byNumber = new HashMap<>();
        lines.forEach(l -> byNumber.put(l.lineNumber, l));
        Map<Integer, List<RigRange>> costs = new HashMap<>();
        List<RigOutbox.Row> rows = new ArrayList<>(arriving.size());
        for (ShippedRig rig : arriving) {
            PurchaseOrderLine line = byNumber.get(rig.lineNumber);
            line.received++;
            rig.status = ShippedRig.RECEIVED;
            rig.receiptId = r.id;
            rig.site = r.site;
            rows.add(new RigOutbox.Row(rig, line, cost(line, rig.rigOnLine, costs)));
        }
        long ordered = lines.stream().mapToLong(l -> l.quantity).sum();
        long shipped = lines.stream().mapToLong(l -> l.shipped).sum();
        long received = lines.stream().mapToLong(l -> l.received).sum();
        order.status = OrderStatus.ofFlow(ordered, shipped, received);
        order.updatedAt = d.now();
        em.flush();
        outbox.add(r, rows, d.now());
        Answer result = answer.apply(ReceiptView.of(r, order.status, arriving));
        idempotency.record(claim, result);
        return result;
    }

    /** The rigs the request names, checked against the shipment; every one not yet received when it names none. */
    private static List<ShippedRig> arriving(List<ShippedRig> onShipment, List<String> serials) {
        if (serials == null) {
            List<ShippedRig> open = onShipment.stream().filter(x -> ShippedRig.SHIPPED.equals(x.status)).toList();
            if (open.isEmpty()) {
                throw Problems.conflict("every rig of this shipment was received already");
            }
            return open;
        }
        Map<String, ShippedRig> bySerial = new HashMap<>();
        onShipment.forEach(x -> bySerial.put(x.serialNumber, x));
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Violation> invalid = new ArrayList<>();
        List<Violation> taken = new ArrayList<>();
        List<ShippedRig> arriving = new ArrayList<>(serials.size());
        for (int i = 0; i < serials.size(); i++) {
            String field = "serialNumbers[" + i + "]";
            Integer earlier = seen.putIfAbsent(serials.get(i), i);
            ShippedRig rig = bySerial.get(serials.get(i));
            if (earlier != null) {
                invalid.add(new Violation(field, serials.get(i) + " is also serialNumbers[" + earlier + "]"));
            } else if (rig == null) {
                invalid.add(new Violation(field, serials.get(i) + " is not on this shipment"));
            } else if (!ShippedRig.SHIPPED.equals(rig.status)) {
                taken.add(new Violation(field, serials.get(i) + " was already received"));
            } else {
                arriving.add(rig);
            }
        }
        if (!invalid.isEmpty()) {
            throw Problems.invalid(invalid);
        }
        if (!taken.isEmpty()) {
            throw Problems.conflict(taken);
        }
        return arriving;
    }

    /** The rig's landed cost from the line's estimate (largest remainder over the line's rigs); null while PENDING. */
    private static Parts cost(PurchaseOrderLine line, int rigOnLine, Map<Integer, List<RigRange>> costs) {
        if (line.estimatedDuty == null || line.estimatedFees == null) {
            return null;
        }
        List<RigRange> ranges = costs.computeIfAbsent(line.lineNumber,
                n -> LandedCosts.rigs(line.quantity, line.unitPrice, line.estimatedDuty, line.estimatedFees));
        return ranges.stream().filter(x -> x.fromRig() <= rigOnLine && rigOnLine <= x.toRig()).findFirst()
                .orElseThrow(() -> new IllegalStateException("rig " + rigOnLine + " is beyond line " + line.lineNumber)).each();
    }

    /** The receipt if it is this organisation's, with its order's status and its rigs as they stand. */
    public Optional<ReceiptView> find(UUID id, String org) {
        return Receipt.<Receipt>find("id = :id and org = :org", Parameters.with("id", id).and("org", org)).firstResultOptional()
                .map(r -> ReceiptView.of(r, em.find(PurchaseOrder.class, r.orderId).status,
                        ShippedRig.<ShippedRig>find("receiptId = ?1 order by lineNumber, rigOnLine", r.id).list()));
    }
}
