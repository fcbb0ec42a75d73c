package io.rigledger.procurement.order;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders and their lines in PostgreSQL; every read is scoped to one organisation. */
@ApplicationScoped
public class OrderStore {

    private final EntityManager em;

    OrderStore(EntityManager em) {
        this.em = em;
    }

    /** An order with its lines, one transaction: both are stored or neither. */
    @Transactional
    public void create(PurchaseOrder order, List<PurchaseOrderLine> lines) {
        em.persist(order);
        em.flush(); // the lines reference the order row
        for (PurchaseOrderLine line : lines) {
            em.persist(line);
        }
    }

    /** The order if it exists in this organisation; another organisation's is as absent as a missing one. */
    public Optional<OrderWithLines> find(UUID id, String org) {
        return PurchaseOrder.<PurchaseOrder>find("id = :id and org = :org", Parameters.with("id", id).and("org", org))
                .firstResultOptional()
                .map(o -> new OrderWithLines(o, linesOf(List.of(o.id)).getOrDefault(o.id, List.of())));
    }

    /**
     * One page, newest first, after {@code after} (null: from the newest). Two queries whatever
     * the page size: the orders, then all their lines.
     */
    public List<OrderWithLines> page(String org, Position after, int limit) {
        List<PurchaseOrder> orders;
        if (after == null) {
            orders = PurchaseOrder.<PurchaseOrder>find("org = :org order by createdAt desc, id desc",
                    Parameters.with("org", org)).page(0, limit).list();
        } else {
            orders = PurchaseOrder.<PurchaseOrder>find(
                    "org = :org and (createdAt < :at or (createdAt = :at and id < :id)) order by createdAt desc, id desc",
                    Parameters.with("org", org).and("at", after.createdAt()).and("id", after.id()))
                    .page(0, limit).list();
        }
        Map<UUID, List<PurchaseOrderLine>> lines = linesOf(orders.stream().map(o -> o.id).toList());
        return orders.stream().map(o -> new OrderWithLines(o, lines.getOrDefault(o.id, List.of()))).toList();
    }

    private Map<UUID, List<PurchaseOrderLine>> linesOf(Collection<UUID> orderIds) {
        Map<UUID, List<PurchaseOrderLine>> byOrder = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        List<PurchaseOrderLine> lines = PurchaseOrderLine.<PurchaseOrderLine>find(
                "orderId in :ids order by orderId, lineNumber", Parameters.with("ids", orderIds)).list();
        for (PurchaseOrderLine line : lines) {
            byOrder.computeIfAbsent(line.orderId, k -> new ArrayList<>()).add(line);
        }
        return byOrder;
    }

    public record OrderWithLines(PurchaseOrder order, List<PurchaseOrderLine> lines) {
    }

    /** A place in the newest-first order: the previous page's last (createdAt, id); createdAt in microseconds, as stored. */
    public record Position(Instant createdAt, UUID id) {
    }
}
