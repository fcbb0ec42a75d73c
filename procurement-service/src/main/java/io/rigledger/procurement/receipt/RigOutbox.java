package io.rigledger.procurement.receipt;

import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.order.PurchaseOrderLine;
import io.rigledger.procurement.shipment.ShippedRig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox of rigs to register in inventory-service (table rig_outbox, V4). Rows
 * are added in the receipt's own transaction ({@link #add}); the delivery job takes due rows with
 * FOR UPDATE SKIP LOCKED and leases them ({@link #claim}: no other replica takes them while
 * inventory-service is being asked), then marks them delivered with their asset ids
 * ({@link #delivered}) or due again after a backoff ({@link #failed}). A replica that dies
 * holding a lease leaves its rows due again when the lease ends; inventory-service's batch is
 * idempotent on maker and serial, so sending a row twice registers it once.
 */
@ApplicationScoped
public class RigOutbox {

    private final EntityManager em;

    RigOutbox(EntityManager em) {
        this.em = em;
    }

    /** A received rig to register, with its landed cost (null while the order's estimate is PENDING). */
    record Row(ShippedRig rig, PurchaseOrderLine line, Parts cost) {
    }

    /** A row taken for delivery, with how often it was tried before. */
    public record Due(long id, String org, int attempts, OutboxRig rig) {
    }

    /** A received rig as stored for inventory-service; price, duty and fees USD (null while the estimate was PENDING). */
    public record OutboxRig(String manufacturer, String serialNumber, String model, String originCountry, String plant,
                            String mac, UUID orderId, int lineNumber, BigDecimal price, BigDecimal duty, BigDecimal fees,
                            UUID receiptId) {
    }

    /** What inventory-service answered for one row: its asset id, and why it refused the rig for this order (else null). */
    public record Delivered(long id, String assetId, String refusal) {
    }

    /** Marks the receipt's rigs RECEIVED and adds one outbox row per rig, due now, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(Receipt receipt, List<Row> rows, Instant now) {
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement rigs = conn.prepareStatement("""
                         update shipment_rig set status = 'RECEIVED', receipt_id = ?, site = ?
                         where shipment_id = ? and manufacturer = ? and serial_number = ? and status = 'SHIPPED'""");
                 PreparedStatement out = conn.prepareStatement("""
                         insert into rig_outbox (org, manufacturer, serial_number, receipt_id, model, origin_country, plant, mac,
                             order_id, line_number, price, duty, fees, next_attempt_at)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Row row : rows) {
                    ShippedRig r = row.rig();
                    rigs.setObject(1, receipt.id);
                    rigs.setString(2, receipt.site);
                    rigs.setObject(3, r.shipmentId);
                    rigs.setString(4, r.manufacturer);
                    rigs.setString(5, r.serialNumber);
                    rigs.addBatch();
                    out.setString(1, r.org);
                    out.setString(2, r.manufacturer);
                    out.setString(3, r.serialNumber);
                    out.setObject(4, receipt.id);
                    out.setString(5, row.line().modelCode);
                    out.setString(6, row.line().originCountry);
                    out.setString(7, row.line().plantCode);
                    out.setString(8, r.mac);
                    out.setObject(9, r.orderId);
                    out.setInt(10, r.lineNumber);
                    out.setBigDecimal(11, row.cost() == null ? null : row.cost().price());
                    out.setBigDecimal(12, row.cost() == null ? null : row.cost().duty());
                    out.setBigDecimal(13, row.cost() == null ? null : row.cost().fees());
                    out.setTimestamp(14, Timestamp.from(now));
                    out.addBatch();
                }
                for (int updated : rigs.executeBatch()) {
                    if (updated != 1) {
                        throw new IllegalStateException("a rig of receipt " + receipt.id + " changed under the order's lock");
                    }
                }
                out.executeBatch();
            }
        });
    }

    /** Takes up to {@code batch} rows due at {@code now}, oldest first, and leases them until {@code leaseEnd}. */
    @Transactional
    public List<Due> claim(Instant now, Instant leaseEnd, int batch) {
        List<?> rows = em.createNativeQuery("""
                        select id, org, attempts, manufacturer, serial_number, model, origin_country, plant, mac, order_id,
                               line_number, price, duty, fees, receipt_id
                        from rig_outbox where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit :batch
                        for update skip locked""")
                .setParameter("now", now).setParameter("batch", batch).getResultList();
        List<Due> due = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            due.add(new Due(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                    new OutboxRig((String) r[3], (String) r[4], (String) r[5], ((String) r[6]).trim(), (String) r[7],
                            (String) r[8], (UUID) r[9], ((Number) r[10]).intValue(), (BigDecimal) r[11], (BigDecimal) r[12],
                            (BigDecimal) r[13], (UUID) r[14])));
        }
        if (!due.isEmpty()) {
            em.createNativeQuery("update rig_outbox set next_attempt_at = :until where id in (:ids)")
                    .setParameter("until", leaseEnd).setParameter("ids", due.stream().map(Due::id).toList())
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Marks rows delivered and their rigs REGISTERED with inventory-service's asset ids and the landed
     * cost registration gave them; their orders are then due for the landed-cost refresh. A row with a
     * refusal marks its rig REFUSED with the reason instead (the fleet holds it from another order).
     */
    @Transactional
    public void delivered(List<Delivered> done, Instant now) {
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement out = conn.prepareStatement("""
                         update rig_outbox set status = 'DELIVERED', asset_id = ?, delivered_at = ?, last_error = null
                         where id = ? and status = 'PENDING'""");
                 PreparedStatement rigs = conn.prepareStatement("""
                         update shipment_rig s set status = 'REGISTERED', asset_id = ?,
                             pushed_price = o.price, pushed_duty = o.duty, pushed_fees = o.fees
                         from rig_outbox o where o.id = ? and s.receipt_id = o.receipt_id and s.manufacturer = o.manufacturer
                             and s.serial_number = o.serial_number""");
                 PreparedStatement refused = conn.prepareStatement("""
                         update shipment_rig s set status = 'REFUSED', refused_reason = ?
                         from rig_outbox o where o.id = ? and s.receipt_id = o.receipt_id and s.manufacturer = o.manufacturer
                             and s.serial_number = o.serial_number""");
                 // the order's registered rigs now follow its landed cost (LandedCostRefresh)
                 PreparedStatement due = conn.prepareStatement("""
                         update purchase_order p set landed_cost_after = ?
                         from rig_outbox o where o.id = ? and p.id = o.order_id and p.landed_cost_after is null""")) {
                for (Delivered d : done) {
                    out.setString(1, d.assetId());
                    out.setTimestamp(2, Timestamp.from(now));
                    out.setLong(3, d.id());
                    out.addBatch();
                    if (d.refusal() != null) {
                        refused.setString(1, d.refusal());
                        refused.setLong(2, d.id());
                        refused.addBatch();
                        continue;
                    }
                    rigs.setString(1, d.assetId());
                    rigs.setLong(2, d.id());
                    rigs.addBatch();
                    due.setTimestamp(1, Timestamp.from(now));
                    due.setLong(2, d.id());
                    due.addBatch();
                }
                out.executeBatch();
                rigs.executeBatch();
                refused.executeBatch();
                due.executeBatch();
            }
        });
    }

    /**
     * Rows inventory-service did not confirm: due again after backoff x 2^attempts (at most
     * {@code maxBackoff}), with the reason kept for operators.
     */
    @Transactional
    public void failed(List<Long> ids, String reason, Instant now, Duration backoff, Duration maxBackoff) {
        em.createNativeQuery("""
                        update rig_outbox set attempts = attempts + 1, last_error = :reason,
                            next_attempt_at = cast(:now as timestamptz) + least(:max * interval '1 millisecond',
                                :base * power(2, least(attempts, 20)) * interval '1 millisecond')
                        where id in (:ids) and status = 'PENDING'""")
                .setParameter("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter("now", now).setParameter("max", maxBackoff.toMillis()).setParameter("base", backoff.toMillis())
                .setParameter("ids", ids).executeUpdate();
    }

    /** Rows still waiting for inventory-service (all organisations): what a health check or a test watches. */
    public long waiting() {
        return ((Number) em.createNativeQuery("select count(*) from rig_outbox where status = 'PENDING'").getSingleResult())
                .longValue();
    }
}
