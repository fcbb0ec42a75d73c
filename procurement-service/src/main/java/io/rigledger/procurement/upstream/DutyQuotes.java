package io.rigledger.procurement.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.tariff.api.DutyQuotesApi;
import io.rigledger.procurement.upstream.tariff.model.DutyQuote;
import io.rigledger.procurement.upstream.tariff.model.DutyQuoteLine;
import io.rigledger.procurement.upstream.tariff.model.DutyQuoteLineRequest;
import io.rigledger.procurement.upstream.tariff.model.DutyQuoteRequest;
import io.rigledger.procurement.upstream.tariff.model.TransportMode;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * tariff-service's duty quotes (operation createDutyQuote), through the client generated from
 * tariff.yaml, on behalf of the order's organisation (X-On-Behalf-Of-Org: procurement-service
 * calls with its service account). tariff-service stores each quote; a retry stores another one,
 * harmless (the order keeps the id of the one it was priced with); a circuit
 * breaker answers fast while tariff-service is down. Only tariff-service's own faults (no answer,
 * timeout, 5xx, our token refused) count as failures: a 4xx about what one caller asked for is that
 * caller's answer, neither retried nor counted, so no caller can open the circuit for the others.
 * Retry and breaker values: quarkus.fault-tolerance."io.rigledger.procurement.upstream.DutyQuotes/quote".*;
 * timeouts: rigledger.procurement.upstream.*.
 */
@ApplicationScoped
public class DutyQuotes {

    public static final String SERVICE = "tariff-service";

    private static final Logger LOG = Logger.getLogger(DutyQuotes.class);

    @Inject
    @RestClient
    DutyQuotesApi quotes;

    @Inject
    ObjectMapper json;

    /**
     * The duty and fees of these lines, one duty per line in the same order, stored at tariff-service.
     *
     * @throws QuoteRejectedException when tariff-service refuses the request (400) or cannot quote a
     *                                line (422), naming its fields
     * @throws UpstreamUnavailableException when tariff-service does not answer or fails
     * @throws IllegalStateException when tariff-service answers a quote that does not match the request
     */
    @Retry(retryOn = UpstreamUnavailableException.class, abortOn = QuoteRejectedException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class, skipOn = QuoteRejectedException.class)
    @CircuitBreakerName("tariff-create-duty-quote")
    public QuotedDuty quote(QuoteRequest order) {
        DutyQuoteRequest request = new DutyQuoteRequest()
                .entryDate(order.entryDate())
                .exportDate(order.exportDate())
                .transportMode(order.transportMode() == null ? null : TransportMode.fromString(order.transportMode()));
        for (QuoteLine line : order.lines()) {
            request.addLinesItem(new DutyQuoteLineRequest()
                    .htsCode(line.htsCode())
                    .originCountry(line.originCountry())
                    .customsValue(line.customsValue())
                    .quantity(line.quantity())
                    .usContentPercent(line.usContentPercent()));
        }
        DutyQuote quote;
        try {
            quote = quotes.createDutyQuote(request, order.org());
        } catch (WebApplicationException e) {
            int status = Upstreams.status(e);
            if (status == 422) {
                throw rejected(e);
            }
            if (status == 400 && Upstreams.isProblem(e)) {
                // what the caller sent passed our checks but not tariff-service's: still the caller's
                // input, answered to that caller alone, and a gap in our validation worth a look
                LOG.warnf("tariff-service refused a quote request that passed our validation: %s", body(e));
                throw rejected(e);
            }
            throw Upstreams.unavailable(SERVICE, "createDutyQuote", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(SERVICE, "createDutyQuote", e);
        }
        return inOurTerms(quote, order.lines().size());
    }

    /** The answer must quote every requested line, in order, with an amount. */
    private static QuotedDuty inOurTerms(DutyQuote quote, int lineCount) {
        if (quote.getId() == null || quote.getTotalDuty() == null || quote.getTotalFees() == null || quote.getLines() == null || quote.getLines().size() != lineCount
                || quote.getLines().stream().anyMatch(l -> l.getDutyAmount() == null)) {
            throw new IllegalStateException("tariff-service quoted " + (quote.getLines() == null ? 0 : quote.getLines().size())
                    + " lines for " + lineCount + " requested");
        }
        List<BigDecimal> duties = new ArrayList<>(lineCount);
        for (int i = 0; i < quote.getLines().size(); i++) {
            DutyQuoteLine line = quote.getLines().get(i);
            if (line.getLineNumber() != null && line.getLineNumber() != i + 1) {
                throw new IllegalStateException("tariff-service answered line " + line.getLineNumber() + " at position " + (i + 1));
            }
            duties.add(line.getDutyAmount());
        }
        Instant quotedAt = quote.getQuotedAt() == null ? Instant.now() : quote.getQuotedAt().toInstant();
        return new QuotedDuty(quote.getId(), quote.getTotalDuty(), quote.getTotalFees(),
                quotedAt.truncatedTo(ChronoUnit.MICROS), duties);
    }

    private QuoteRejectedException rejected(WebApplicationException e) {
        String body = body(e);
        List<Problem.Violation> violations = new ArrayList<>();
        String detail = null;
        try {
            var problem = json.readTree(body);
            detail = problem.path("detail").isTextual() ? problem.path("detail").asText() : null;
            for (var v : problem.path("violations")) {
                if (v.path("field").isTextual()) {
                    violations.add(new Problem.Violation(v.path("field").asText(), v.path("message").asText("")));
                }
            }
        } catch (Exception unreadable) {
            LOG.warnf("tariff-service answered 422 with an unreadable body: %s", body);
        }
        return new QuoteRejectedException(detail, violations);
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
