package io.rigledger.procurement.order;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.upstream.DutyQuotes;
import io.rigledger.procurement.upstream.QuoteRejectedException;
import io.rigledger.procurement.upstream.QuotedDuty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the duty estimate onto an order and its lines: zero under DDP (the supplier pays), else
 * tariff-service's stored quote, else, when tariff-service cannot be reached (down, slow, circuit
 * open), PENDING for the scheduled re-quote. Calls a neighbour: never inside a transaction.
 */
@ApplicationScoped
public class Estimator {

    private static final Logger LOG = Logger.getLogger(Estimator.class);
    private static final Pattern QUOTE_FIELD = Pattern.compile("^lines\\[(\\d{1,5})](?:\\.(\\w+))?$");

    private final DutyQuotes tariff;
    private final Duration backoff;

    Estimator(DutyQuotes tariff, ProcurementConfig config) {
        this.tariff = tariff;
        this.backoff = config.requote().backoff();
    }

    /**
     * Prices the order in place.
     *
     * @param now the instant of the change (UTC, microseconds)
     * @throws io.rigledger.platform.problem.ProblemException 422 naming the line or date tariff-service cannot quote
     */
    public void estimate(PurchaseOrder order, List<PurchaseOrderLine> lines, Instant now) {
        if (PurchaseOrder.DDP.equals(order.incoterm)) {
            OrderPricing.supplierPays(order, lines, now);
            return;
        }
        try {
            OrderPricing.quoted(order, lines, quote(order, lines));
        } catch (UpstreamUnavailableException | CircuitBreakerOpenException e) {
            LOG.infof("order %s: tariff-service unavailable, estimate PENDING", order.id);
            order.requoteAttempts = 0;
            OrderPricing.pending(order, lines, now.plus(backoff));
        }
    }

    /**
     * tariff-service's quote for the order as it stands.
     *
     * @throws UpstreamUnavailableException or CircuitBreakerOpenException when tariff-service cannot be reached
     * @throws io.rigledger.platform.problem.ProblemException 422 naming the line or date it cannot quote
     */
    public QuotedDuty quote(PurchaseOrder order, List<PurchaseOrderLine> lines) {
        try {
            return tariff.quote(OrderPricing.quoteRequest(order, lines));
        } catch (QuoteRejectedException e) {
            throw Problems.unprocessable(inOurTerms(e, lines.size()));
        }
    }

    /** tariff-service names its own request's fields; quote line i is order line i. */
    static List<Problem.Violation> inOurTerms(QuoteRejectedException e, int lineCount) {
        List<Problem.Violation> ours = new ArrayList<>();
        for (Problem.Violation v : e.violations()) {
            Matcher m = QUOTE_FIELD.matcher(v.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < lineCount) {
                String property = m.group(2);
                String field = "lines[" + m.group(1) + "]" + (property == null ? "" : "." + ourName(property));
                ours.add(new Problem.Violation(field, "tariff-service cannot quote this line: " + v.message()));
            } else if ("entryDate".equals(v.field())) {
                ours.add(new Problem.Violation("expectedEntryDate", "tariff-service cannot quote this date: " + v.message()));
            } else if ("exportDate".equals(v.field())) {
                ours.add(new Problem.Violation("expectedExportDate", "tariff-service cannot quote this date: " + v.message()));
            } else {
                ours.add(new Problem.Violation("lines", "tariff-service cannot quote this order: " + v.message()));
            }
        }
        if (ours.isEmpty()) {
            ours.add(new Problem.Violation("lines", "tariff-service cannot quote this order: " + e.getMessage()));
        }
        return ours;
    }

    private static String ourName(String quoteProperty) {
        return switch (quoteProperty) {
            case "customsValue" -> "unitPrice";
            case "originCountry" -> "plant";
            default -> quoteProperty;
        };
    }
}
