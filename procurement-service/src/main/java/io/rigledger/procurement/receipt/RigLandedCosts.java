package io.rigledger.procurement.receipt;

import io.rigledger.procurement.cost.LandedCosts.Parts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the landed-cost refresh ({@link LandedCostRefresh}) reads and writes in PostgreSQL: the
 * orders due (taken with FOR UPDATE SKIP LOCKED and leased by moving {@code landed_cost_after}, so
 * with several replicas each order is refreshed by one), their shipped rigs, and the cost each
 * registered rig's asset was last given in inventory-service (V6).
 */
@ApplicationScoped
public class RigLandedCosts {

    private final EntityManager em;

    RigLandedCosts(EntityManager em) {
        this.em = em;
    }

    /**
     * A shipped rig of the order: its place on the line, and once registered its asset and the cost
     * last sent; {@code owner}: whether this shipment is the one that first brought the asset in (a
     * rig back from RMA keeps the landed cost of its purchase, not of its return).
     */
    public record OrderRig(UUID shipmentId, String manufacturer, String serialNumber, int lineNumber, int rigOnLine,
                           String status, String assetId, Parts pushed, boolean owner) {
    }

    /** Takes up to {@code batch} orders due at {@code now}, soonest first, and leases them until {@code leaseEnd}. */
    @Transactional
    public List<UUID> claim(Instant now, Instant leaseEnd, int batch) {
        List<?> rows = em.createNativeQuery("""
                        select id from purchase_order where landed_cost_after <= :now
                        order by landed_cost_after limit :batch
                        for update skip locked""")
                .setParameter("now", now).setParameter("batch", batch).getResultList();
        List<UUID> due = rows.stream().map(UUID.class::cast).toList();
        if (!due.isEmpty()) {
            em.createNativeQuery("update purchase_order set landed_cost_after = :until where id in (:ids)")
                    .setParameter("until", leaseEnd).setParameter("ids", due).executeUpdate();
        }
        return due;
    }

    /** Every shipped rig of the order, by line and position. */
    public List<OrderRig> rigsOf(UUID orderId) {
        List<?> rows = em.createNativeQuery("""
                        select s.shipment_id, s.manufacturer, s.serial_number, s.line_number, s.rig_on_line, s.status, s.asset_id,
                               s.pushed_price, s.pushed_duty, s.pushed_fees,
                               not exists (select 1 from shipment_rig e join receipt er on er.id = e.receipt_id
                                           where r.id is not null and e.org = s.org and e.manufacturer = s.manufacturer
                                             and e.serial_number = s.serial_number
                                             and (er.created_at, er.id) < (r.created_at, r.id)) as owner
                        from shipment_rig s left join receipt r on r.id = s.receipt_id
                        where s.order_id = :order
                        order by s.line_number, s.rig_on_line""")
                .setParameter("order", orderId).getResultList();
        List<OrderRig> rigs = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            Parts pushed = r[7] == null ? null : Parts.of((BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9]);
            rigs.add(new OrderRig((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                    (String) r[5], (String) r[6], pushed, Boolean.TRUE.equals(r[10])));
        }
        return rigs;
    }

    /** Records the cost the rig's asset was given. */
    @Transactional
    public void pushed(OrderRig rig, Parts cost) {
        em.createNativeQuery("""
                        update shipment_rig set pushed_price = :price, pushed_duty = :duty, pushed_fees = :fees
                        where shipment_id = :shipment and manufacturer = :maker and serial_number = :serial""")
                .setParameter("price", cost.price()).setParameter("duty", cost.duty()).setParameter("fees", cost.fees())
                .setParameter("shipment", rig.shipmentId()).setParameter("maker", rig.manufacturer())
                .setParameter("serial", rig.serialNumber()).executeUpdate();
    }

    /** The order is looked at again at {@code next}. */
    @Transactional
    public void next(UUID orderId, Instant next) {
        em.createNativeQuery("update purchase_order set landed_cost_after = :next where id = :id")
                .setParameter("next", next).setParameter("id", orderId).executeUpdate();
    }
}
