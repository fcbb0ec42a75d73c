package io.rigledger.procurement.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The orders whose estimate is PENDING, as the re-quote scheduler takes them. Safe with several
 * replicas: {@link #claim} locks due rows with FOR UPDATE SKIP LOCKED (a replica never waits for,
 * nor takes, a row another one holds) and leases them by moving {@code requote_after} past the
 * lease before it commits, so no other replica takes them while tariff-service is being asked.
 */
@ApplicationScoped
public class PendingQuotes {

    private final EntityManager em;

    PendingQuotes(EntityManager em) {
        this.em = em;
    }

    /** A PENDING order taken for re-quoting, at the version it had then. */
    public record Due(UUID id, int version, int attempts) {
    }

    /**
     * Takes up to {@code batch} PENDING orders due at {@code now} (soonest first) and leases them until {@code leaseEnd}.
     */
    @Transactional
    public List<Due> claim(Instant now, Instant leaseEnd, int batch) {
        List<?> rows = em.createNativeQuery("""
                        select id, version, requote_attempts from purchase_order
                        where estimate_status = 'PENDING' and requote_after <= :now and status <> 'CANCELLED'
                        order by requote_after limit :batch
                        for update skip locked""")
                .setParameter("now", now).setParameter("batch", batch).getResultList();
        List<Due> due = new ArrayList<>(rows.size());
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            due.add(new Due((UUID) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        if (!due.isEmpty()) {
            em.createNativeQuery("update purchase_order set requote_after = :until where id in (:ids)")
                    .setParameter("until", leaseEnd).setParameter("ids", due.stream().map(Due::id).toList())
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Stores the estimate {@code priced} and {@code lines} carry, if the order is still PENDING at
     * the version it was taken at (an edit meanwhile priced it itself).
     *
     * @return whether the estimate was stored
     */
    @Transactional
    public boolean fill(Due due, PurchaseOrder priced, List<PurchaseOrderLine> lines) {
        PurchaseOrder order = em.find(PurchaseOrder.class, due.id(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.version != due.version() || !PurchaseOrder.PENDING.equals(order.estimateStatus)) {
            return false;
        }
        OrderService.copyInto(priced, order);
        List<PurchaseOrderLine> stored = em.createQuery(
                        "from PurchaseOrderLine where orderId = :id order by lineNumber", PurchaseOrderLine.class)
                .setParameter("id", due.id()).getResultList();
        for (int i = 0; i < stored.size() && i < lines.size(); i++) {
            stored.get(i).estimatedDuty = lines.get(i).estimatedDuty;
            stored.get(i).estimatedFees = lines.get(i).estimatedFees;
        }
        order.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** Still not quotable: try again at {@code next}, one more attempt counted, with why. */
    @Transactional
    public void postpone(Due due, Instant next, String reason) {
        em.createNativeQuery("""
                        update purchase_order set requote_after = :next, requote_attempts = requote_attempts + 1,
                            estimate_reason = :reason
                        where id = :id and estimate_status = 'PENDING'""")
                .setParameter("next", next).setParameter("reason", reason).setParameter("id", due.id())
                .executeUpdate();
    }
}
