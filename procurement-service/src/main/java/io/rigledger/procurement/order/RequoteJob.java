package io.rigledger.procurement.order;

import io.quarkus.scheduler.Scheduled;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.order.PendingQuotes.Due;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Fills in PENDING estimates once tariff-service answers again: every
 * {@code rigledger.procurement.requote.every} each replica takes a batch of due orders
 * ({@link PendingQuotes#claim}: FOR UPDATE SKIP LOCKED and a lease, so with three replicas each
 * order is re-quoted once), asks tariff-service outside any transaction, and stores the quote. An
 * order tariff-service still cannot quote waits backoff x 2^attempts (at most max-backoff).
 */
@ApplicationScoped
public class RequoteJob {

    private static final Logger LOG = Logger.getLogger(RequoteJob.class);

    private final PendingQuotes pending;
    private final OrderStore store;
    private final Estimator estimator;
    private final ProcurementConfig.Requote config;

    RequoteJob(PendingQuotes pending, OrderStore store, Estimator estimator, ProcurementConfig config) {
        this.pending = pending;
        this.store = store;
        this.estimator = estimator;
        this.config = config.requote();
    }

    @Scheduled(identity = "requote-pending-estimates", every = "${rigledger.procurement.requote.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /**
     * One round: takes the due orders and re-quotes each.
     *
     * @return how many estimates were filled in
     */
    @ActivateRequestContext
    public int runOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Due> due = pending.claim(now, now.plus(config.lease()), config.batch());
        int filled = 0;
        for (Due d : due) {
            Optional<OrderWithLines> found = store.find(d.id());
            if (found.isEmpty()) {
                continue;
            }
            PurchaseOrder priced = OrderService.copy(found.get().order());
            List<PurchaseOrderLine> lines = OrderMoves.detached(found.get().lines());
            try {
                OrderPricing.quoted(priced, lines, estimator.quote(priced, lines));
                if (pending.fill(d, priced, lines)) {
                    filled++;
                }
            } catch (UpstreamUnavailableException | CircuitBreakerOpenException e) {
                pending.postpone(d, now.plus(backoff(d.attempts())), OrderPricing.PENDING_REASON);
            } catch (ProblemException e) {
                LOG.warnf("order %s cannot be quoted: %s", d.id(), e.getMessage());
                pending.postpone(d, now.plus(config.maxBackoff()), "tariff-service cannot quote this order: "
                        + ascii(e.getMessage()));
            }
        }
        return filled;
    }

    /** backoff x 2^attempts, at most max-backoff. */
    Duration backoff(int attempts) {
        Duration d = config.backoff().multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    /** The contract's reason is printable ASCII of at most 200 characters. */
    private static String ascii(String text) {
        String printable = text == null ? "" : text.replaceAll("[^ -~]", "?");
        return printable.length() > 150 ? printable.substring(0, 150) : printable;
    }
}
