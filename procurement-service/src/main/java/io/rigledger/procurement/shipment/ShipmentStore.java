package io.rigledger.procurement.shipment;

import io.quarkus.panache.common.Parameters;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.OrderStatus;
import io.rigledger.procurement.order.PurchaseOrder;
import io.rigledger.procurement.order.PurchaseOrderLine;
import io.rigledger.procurement.shipment.ShipmentViews.ShipmentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Shipments in PostgreSQL. A shipment is recorded under the order's row lock (so concurrent
 * shipments see each other's counts and never ship more than was ordered), its rigs in one
 * statement that skips serials this organisation has in transit from the same maker (so a race
 * on a serial is caught by a unique index, not by a read that could be stale; a serial received
 * before ships again when it is a rig back from RMA, which {@link FleetCheck} asked inventory-service
 * before this transaction), and its answer
 * under the request's Idempotency-Key, all in one transaction.
 */
@ApplicationScoped
public class ShipmentStore {

    /** The maker of a line the catalogue named none for (shipment_rig.manufacturer is never null). */
    static final String UNKNOWN_MAKER = "UNKNOWN";

    private final EntityManager em;
    private final Idempotency idempotency;

    ShipmentStore(EntityManager em, Idempotency idempotency) {
        this.em = em;
        this.idempotency = idempotency;
    }

    /** A shipment to record: the request with the caller and a fresh id. */
    record Draft(UUID id, UUID orderId, String org, String createdBy, String ifMatch, NewShipment request) {
    }

    /**
     * Records the shipment and moves the order to PARTIALLY_SHIPPED or SHIPPED (or keeps it
     * PARTIALLY_RECEIVED while rigs are still to come).
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 (another organisation's or a missing
     *         order), 428, 412, 409 when the order is not CONFIRMED or partly shipped, 400 naming
     *         lines[i].lineNumber for a line the order lacks, 409 naming lines[i].quantity beyond what
     *         is left to ship or lines[i].rigs[j].serialNumber already shipped
     * @throws io.rigledger.platform.idempotency.AlreadyAnswered when another request with the same key committed first
     */
    @Transactional
    public Answer ship(Draft d, Claim claim, Function<ShipmentView, Answer> answer) {
        PurchaseOrder order = em.find(PurchaseOrder.class, d.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.org.equals(d.org())) {
            throw Problems.notFound("purchase order", d.orderId());
        }
        ETags.requireMatch(d.ifMatch(), order.version);
        if (!order.status.shippable()) {
            throw Problems.conflict("cannot ship rigs of an order that is " + order.status
                    + "; rigs ship once it is CONFIRMED, until all have shipped");
        }
        List<PurchaseOrderLine> lines = lines(order.id);
        Map<Integer, PurchaseOrderLine> byNumber = new HashMap<>();
        lines.forEach(l -> byNumber.put(l.lineNumber, l));
        List<Violation> over = new ArrayList<>();
        List<NewShipment.Line> asked = d.request().lines();
        for (int i = 0; i < asked.size(); i++) {
            PurchaseOrderLine line = byNumber.get(asked.get(i).lineNumber());
            if (line == null) {
                throw Problems.badRequest("lines[" + i + "].lineNumber", "the order has no line " + asked.get(i).lineNumber());
            }
            int left = line.quantity - line.shipped;
            if (asked.get(i).quantity() > left) {
                over.add(new Violation("lines[" + i + "].quantity", "only " + left + " of line " + line.lineNumber
                        + "'s " + line.quantity + " rigs are left to ship"));
            }
        }
        if (!over.isEmpty()) {
            throw Problems.conflict(over);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Shipment s = new Shipment();
        s.id = d.id();
        s.org = d.org();
        s.orderId = order.id;
        s.carrier = d.request().carrier();
        s.trackingNumber = d.request().trackingNumber();
        s.transportMode = d.request().transportMode();
        s.exportDate = d.request().exportDate();
        s.rigCount = asked.stream().mapToInt(NewShipment.Line::quantity).sum();
        s.createdAt = now;
        s.createdBy = d.createdBy();
        em.persist(s);
        em.flush();
        List<ShippedRig> rigs = new ArrayList<>(s.rigCount);
        Map<String, String> fieldOf = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            PurchaseOrderLine line = byNumber.get(asked.get(i).lineNumber());
            List<NewShipment.Rig> serials = asked.get(i).rigs();
            for (int j = 0; j < serials.size(); j++) {
                ShippedRig r = new ShippedRig();
                r.org = d.org();
                r.manufacturer = line.manufacturer == null ? UNKNOWN_MAKER : line.manufacturer;
                r.serialNumber = serials.get(j).serialNumber();
                r.mac = serials.get(j).mac();
                r.shipmentId = s.id;
                r.orderId = order.id;
                r.lineNumber = line.lineNumber;
                r.rigOnLine = line.shipped + j + 1;
                r.status = ShippedRig.SHIPPED;
                rigs.add(r);
                fieldOf.put(r.manufacturer + '\n' + r.serialNumber, "lines[" + i + "].rigs[" + j + "].serialNumber");
            }
            line.shipped += serials.size();
        }
        Set<String> inserted = insert(rigs);
        if (inserted.size() < rigs.size()) {
            List<Violation> taken = new ArrayList<>();
            for (ShippedRig r : rigs) {
                if (!inserted.contains(r.manufacturer + '\n' + r.serialNumber)) {
                    taken.add(new Violation(fieldOf.get(r.manufacturer + '\n' + r.serialNumber),
                            r.serialNumber + " (" + r.manufacturer + ") was already shipped and is still in transit"));
                }
            }
            throw Problems.conflict(taken);
        }
        long ordered = lines.stream().mapToLong(l -> l.quantity).sum();
        long shipped = lines.stream().mapToLong(l -> l.shipped).sum();
        long received = lines.stream().mapToLong(l -> l.received).sum();
        order.status = OrderStatus.ofFlow(ordered, shipped, received);
        order.updatedAt = now;
        em.flush(); // bumps the order's version once, which the answer shows
        Answer result = answer.apply(ShipmentView.of(s, order.status, order.version, rigs, ShipmentViews.skus(lines)));
        idempotency.record(claim, result);
        return result;
    }

    /**
     * Inserts the rigs in one statement; returns "maker\nserial" of those inserted (the rest are in
     * transit on another shipment). A serial shipped and received before ships again: a rig back from RMA
     * ({@link FleetCheck} refused the others before this transaction).
     */
    private Set<String> insert(List<ShippedRig> rigs) {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            int n = rigs.size();
            String[] makers = new String[n];
            String[] serials = new String[n];
            String[] macs = new String[n];
            Integer[] lineNumbers = new Integer[n];
            Integer[] positions = new Integer[n];
            for (int i = 0; i < n; i++) {
                ShippedRig r = rigs.get(i);
                makers[i] = r.manufacturer;
                serials[i] = r.serialNumber;
                macs[i] = r.mac;
                lineNumbers[i] = r.lineNumber;
                positions[i] = r.rigOnLine;
            }
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into shipment_rig (org, manufacturer, serial_number, shipment_id, order_id, line_number, rig_on_line, mac, status)
                    select ?, m, s, ?, ?, l, p, mac, 'SHIPPED'
                    from unnest(?::varchar[], ?::varchar[], ?::integer[], ?::integer[], ?::varchar[]) as t(m, s, l, p, mac)
                    on conflict (org, manufacturer, serial_number) where status = 'SHIPPED' do nothing
                    returning manufacturer, serial_number""")) {
                Array a1 = conn.createArrayOf("varchar", makers);
                Array a2 = conn.createArrayOf("varchar", serials);
                Array a3 = conn.createArrayOf("integer", lineNumbers);
                Array a4 = conn.createArrayOf("integer", positions);
                Array a5 = conn.createArrayOf("varchar", macs);
                ps.setString(1, rigs.get(0).org);
                ps.setObject(2, rigs.get(0).shipmentId);
                ps.setObject(3, rigs.get(0).orderId);
                ps.setArray(4, a1);
                ps.setArray(5, a2);
                ps.setArray(6, a3);
                ps.setArray(7, a4);
                ps.setArray(8, a5);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1) + '\n' + rs.getString(2));
                    }
                }
            }
            return inserted;
        });
    }

    /**
     * The rigs of a shipment request this organisation received before at a site on any order (RECEIVED,
     * REGISTERED or REFUSED), by their place in {@code lineNumbers}/{@code serials} (0-based), each with
     * its maker (its order line's); one statement, by the (org, maker, serial) index. None when the order
     * is missing or another organisation's; rigs on lines the order lacks are left out.
     */
    @Transactional
    public Map<Integer, String> receivedBefore(UUID orderId, String org, int[] lineNumbers, String[] serials) {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            Map<Integer, String> received = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    select t.k - 1, coalesce(l.manufacturer, ?)
                    from unnest(?::int[], ?::varchar[]) with ordinality as t(line, serial, k)
                    join purchase_order p on p.id = ? and p.org = ?
                    join purchase_order_line l on l.order_id = p.id and l.line_number = t.line
                    where exists (select 1 from shipment_rig r where r.org = p.org
                                  and r.manufacturer = coalesce(l.manufacturer, ?) and r.serial_number = t.serial
                                  and r.status in ('RECEIVED', 'REGISTERED', 'REFUSED'))
                    order by t.k""")) {
                Integer[] lines = new Integer[lineNumbers.length];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineNumbers[i];
                }
                ps.setString(1, UNKNOWN_MAKER);
                ps.setArray(2, conn.createArrayOf("int4", lines));
                ps.setArray(3, conn.createArrayOf("varchar", serials));
                ps.setObject(4, orderId);
                ps.setString(5, org);
                ps.setString(6, UNKNOWN_MAKER);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        received.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return received;
        });
    }

    /** The shipment if it is this organisation's; another organisation's is as absent as a missing one. */
    public Optional<Shipment> find(UUID id, String org) {
        return Shipment.<Shipment>find("id = :id and org = :org", Parameters.with("id", id).and("org", org))
                .firstResultOptional();
    }

    /** Its rigs, by line and position on the line. */
    public List<ShippedRig> rigsOf(UUID shipmentId) {
        return ShippedRig.<ShippedRig>find("shipmentId = ?1 order by lineNumber, rigOnLine", shipmentId).list();
    }

    /** The order's shipments, oldest first, after the (createdAt, id) of the previous page's last. */
    public List<Shipment> ofOrder(UUID orderId, Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return Shipment.<Shipment>find("orderId = ?1 order by createdAt, id", orderId).page(0, limit).list();
        }
        return Shipment.<Shipment>find("orderId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                orderId, afterAt, afterId).page(0, limit).list();
    }

    /** The order (this organisation's, else empty) and its lines. */
    public Optional<PurchaseOrder> order(UUID id, String org) {
        return PurchaseOrder.<PurchaseOrder>find("id = :id and org = :org", Parameters.with("id", id).and("org", org))
                .firstResultOptional();
    }

    public List<PurchaseOrderLine> lines(UUID orderId) {
        return PurchaseOrderLine.<PurchaseOrderLine>find("orderId = ?1 order by lineNumber", orderId).list();
    }
}
