package io.rigledger.procurement.order;

import io.quarkus.panache.common.Parameters;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.idempotency.AlreadyAnswered;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.problem.DatabaseOutage;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Orders and their lines in PostgreSQL; every read is scoped to one organisation. Each write is
 * one short transaction (a new order: one statement in autocommit) that also stores the request's
 * Idempotency-Key record, so the two commit together or not at all.
 */
@ApplicationScoped
public class OrderStore {

    private final EntityManager em;
    private final DataSource dataSource;
    private final Idempotency idempotency;

    OrderStore(EntityManager em, DataSource dataSource, Idempotency idempotency) {
        this.em = em;
        this.dataSource = dataSource;
        this.idempotency = idempotency;
    }

    /**
     * A new order with its lines and the answer to the request that placed it, in one statement
     * ({@link OrderInsert}) in autocommit: one round trip to PostgreSQL, its COMMIT included, whatever
     * the number of lines, and no transaction manager (the statement writes all of it or, when the key
     * is taken, nothing).
     *
     * @throws io.rigledger.platform.idempotency.AlreadyAnswered when another request with the same key committed first
     * @throws DatabaseOutage.UnconfirmedStatement when the statement failed after it was sent (a connection lost
     *         then is 503 outcome-unknown: it may have committed; anything else PostgreSQL refused stored nothing)
     * @throws IllegalStateException when no connection could be had (a database outage: 503, nothing stored)
     */
    public void create(PurchaseOrder order, List<PurchaseOrderLine> lines, Claim claim, Answer answer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean recorded;
        try (Connection conn = dataSource.getConnection()) {
            try {
                recorded = OrderInsert.insert(conn, order, lines, claim, answer, now, idempotency.ttl());
            } catch (SQLException e) {
                throw new DatabaseOutage.UnconfirmedStatement("order " + order.id + "'s insert", e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store order " + order.id, e);
        }
        if (!recorded) {
            throw new AlreadyAnswered(claim);
        }
    }

    /**
     * Changes one order under its row lock: 404 when it is not this organisation's, 428/412 unless
     * {@code ifMatch} names its current version, then {@code change} (which may refuse with 409)
     * and the answer built from the changed order, stored under the claim.
     *
     * @param change applies the change to the locked order and its lines, returning the lines to keep
     * @throws io.rigledger.platform.problem.ProblemException 404, 428, 412 or what {@code change} throws
     * @throws io.rigledger.platform.idempotency.AlreadyAnswered when another request with the same key committed first
     */
    @Transactional
    public Answer change(UUID id, String org, String ifMatch, Claim claim, Change change,
                         Function<OrderWithLines, Answer> answer) {
        PurchaseOrder order = em.find(PurchaseOrder.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.org.equals(org)) {
            throw Problems.notFound("purchase order", id);
        }
        ETags.requireMatch(ifMatch, order.version);
        List<PurchaseOrderLine> lines = linesOf(List.of(id)).getOrDefault(id, List.of());
        List<PurchaseOrderLine> kept = change.apply(order, lines);
        order.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (kept != lines) {
            for (PurchaseOrderLine old : lines) {
                em.remove(old);
            }
            em.flush();
            for (PurchaseOrderLine line : kept) {
                em.persist(line);
            }
        }
        em.flush(); // bumps the version once, which the answer's ETag shows
        Answer result = answer.apply(new OrderWithLines(order, kept));
        idempotency.record(claim, result);
        return result;
    }

    /** A change to a locked order and its lines. */
    @FunctionalInterface
    public interface Change {
        /** Changes the order in place; returns {@code lines} itself, or the new lines that replace them. */
        List<PurchaseOrderLine> apply(PurchaseOrder order, List<PurchaseOrderLine> lines);
    }

    /** The order if it exists in this organisation; another organisation's is as absent as a missing one. */
    public Optional<OrderWithLines> find(UUID id, String org) {
        return PurchaseOrder.<PurchaseOrder>find("id = :id and org = :org", Parameters.with("id", id).and("org", org))
                .firstResultOptional()
                .map(o -> new OrderWithLines(o, linesOf(List.of(o.id)).getOrDefault(o.id, List.of())));
    }

    /** The order by id alone (the scheduler's view), with its lines. */
    public Optional<OrderWithLines> find(UUID id) {
        return Optional.ofNullable(em.find(PurchaseOrder.class, id))
                .map(o -> new OrderWithLines(o, linesOf(List.of(o.id)).getOrDefault(o.id, List.of())));
    }

    /**
     * One page, newest first, after {@code after} (null: from the newest), filtered. Two queries
     * whatever the page size: the orders, then all their lines.
     */
    public List<OrderWithLines> page(String org, OrderFilter filter, Position after, int limit) {
        StringBuilder where = new StringBuilder("from PurchaseOrder o where o.org = :org");
        Parameters params = Parameters.with("org", org);
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.and("status", filter.status());
        }
        if (filter.supplier() != null) {
            where.append(" and o.supplier = :supplier");
            params.and("supplier", filter.supplier());
        }
        if (filter.origin() != null) {
            where.append(" and exists (select 1 from PurchaseOrderLine l where l.orderId = o.id and l.originCountry = :origin)");
            params.and("origin", filter.origin());
        }
        if (filter.createdFrom() != null) {
            where.append(" and o.createdAt >= :from");
            params.and("from", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            where.append(" and o.createdAt < :to");
            params.and("to", filter.createdTo());
        }
        if (after != null) {
            where.append(" and (o.createdAt < :at or (o.createdAt = :at and o.id < :id))");
            params.and("at", after.createdAt()).and("id", after.id());
        }
        List<PurchaseOrder> orders = PurchaseOrder.<PurchaseOrder>find(where + " order by o.createdAt desc, o.id desc", params)
                .page(0, limit).list();
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

    /**
     * The list's filters; null leaves one out.
     *
     * @param createdFrom inclusive, UTC
     * @param createdTo   exclusive, UTC
     */
    public record OrderFilter(OrderStatus status, String supplier, String origin, Instant createdFrom, Instant createdTo) {
        /** What the list's cursors are bound to: {@code org}'s orders under this filter. */
        CursorScope scope(String org) {
            return CursorScope.of(org, "purchase-orders", status, supplier, origin, createdFrom, createdTo);
        }
    }
}
