package io.rigledger.procurement.order;

import io.rigledger.platform.http.ETags;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.OrderStatus.Move;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The moves people ask for by name (submit, confirm, cancel) and the re-quote on demand. Each
 * needs If-Match with the order's ETag (428 without, 412 when stale), is checked again under the
 * row lock (two requests with the same ETag: one wins, the other is 412), and stores its answer
 * under the request's Idempotency-Key in the same transaction.
 */
@ApplicationScoped
public class OrderMoves {

    private final OrderStore store;
    private final OrderService orders;
    private final Estimator estimator;
    private final Idempotency idempotency;

    OrderMoves(OrderStore store, OrderService orders, Estimator estimator, Idempotency idempotency) {
        this.store = store;
        this.orders = orders;
        this.estimator = estimator;
        this.idempotency = idempotency;
    }

    /**
     * Moves the order.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 (missing or another organisation's),
     *         428, 412, 409 when the order's status does not allow the move
     */
    public Answer move(UUID id, String org, Move move, String ifMatch, Claim claim) {
        return idempotency.once(claim, c -> store.change(id, org, ifMatch, c, (order, lines) -> {
            OrderStatus next = order.status.after(move).orElseThrow(() -> Problems.conflict(
                    "cannot " + move.word() + " an order that is " + order.status
                            + "; allowed from " + OrderStatus.from(move)));
            order.status = next;
            return lines;
        }, o -> orders.answer(200, o, null)));
    }

    /**
     * Asks tariff-service again for the order as it stands and stores the new quote (DDP keeps its zero).
     *
     * @throws io.rigledger.platform.problem.ProblemException 404, 428, 412; 409 once shipped or
     *         cancelled; 422 when tariff-service cannot quote a line; 503 when it cannot be reached (nothing changes)
     */
    public Answer requote(UUID id, String org, String ifMatch, Claim claim) {
        return idempotency.once(claim, c -> {
            OrderWithLines current = store.find(id, org).orElseThrow(() -> Problems.notFound("purchase order", id));
            ETags.requireMatch(ifMatch, current.order().version);
            requireQuotable(current.order());
            PurchaseOrder priced = OrderService.copy(current.order());
            List<PurchaseOrderLine> lines = detached(current.lines());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (PurchaseOrder.DDP.equals(priced.incoterm)) {
                OrderPricing.supplierPays(priced, lines, now);
            } else {
                try {
                    OrderPricing.quoted(priced, lines, estimator.quote(priced, lines));
                } catch (CircuitBreakerOpenException e) {
                    throw Problems.upstreamUnavailable("tariff-service");
                }
            }
            return store.change(id, org, ifMatch, c, (order, stored) -> {
                requireQuotable(order);
                OrderService.copyInto(priced, order);
                for (int i = 0; i < stored.size(); i++) {
                    stored.get(i).estimatedDuty = lines.get(i).estimatedDuty;
                    stored.get(i).estimatedFees = lines.get(i).estimatedFees;
                }
                return stored;
            }, o -> orders.answer(200, o, null));
        });
    }

    static void requireQuotable(PurchaseOrder order) {
        if (!order.status.quotable()) {
            throw Problems.conflict("the order is " + order.status + "; only an order not yet shipped or cancelled is quoted again");
        }
    }

    /** Copies of the lines to price outside the database (the stored ones are updated under the lock). */
    static List<PurchaseOrderLine> detached(List<PurchaseOrderLine> lines) {
        List<PurchaseOrderLine> copies = new ArrayList<>(lines.size());
        for (PurchaseOrderLine l : lines) {
            PurchaseOrderLine c = new PurchaseOrderLine();
            c.orderId = l.orderId;
            c.lineNumber = l.lineNumber;
            c.modelCode = l.modelCode;
            c.modelName = l.modelName;
            c.manufacturer = l.manufacturer;
            c.plantCode = l.plantCode;
            c.hashrateThs = l.hashrateThs;
            c.quantity = l.quantity;
            c.unitPrice = l.unitPrice;
            c.originCountry = l.originCountry;
            c.usContentPercent = l.usContentPercent;
            c.htsCode = l.htsCode;
            c.customsValue = l.customsValue;
            c.estimatedDuty = l.estimatedDuty;
            c.estimatedFees = l.estimatedFees;
            copies.add(c);
        }
        return copies;
    }
}
