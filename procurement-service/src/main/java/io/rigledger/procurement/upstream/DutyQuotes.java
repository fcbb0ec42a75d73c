package io.rigledger.procurement.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.procurement.common.Problem;
import io.rigledger.procurement.common.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.tariff.api.DutyQuotesApi;
import io.rigledger.procurement.upstream.tariff.model.DutyQuote;
import io.rigledger.procurement.upstream.tariff.model.DutyQuoteRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * tariff-service's duty quotes (operation createDutyQuote), through the client generated from
 * tariff.yaml. tariff-service stores each quote; a retry stores another one, harmless; a circuit breaker answers fast
 * while tariff-service is down. Timeouts: quarkus.rest-client.tariff.*.
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
     * The quote, one line per request line in the same order.
     *
     * @throws QuoteRejectedException when tariff-service cannot quote a line (422), naming its fields
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("tariff-create-duty-quote")
    public DutyQuote quote(DutyQuoteRequest request) {
        try {
            return quotes.createDutyQuote(request, null); // X-On-Behalf-Of-Org: not sent yet
        } catch (WebApplicationException e) {
            int status = Upstreams.status(e);
            if (status == 422) {
                throw rejected(e);
            }
            if (status == 400) {
                // tariff-service's contract refused what we sent: our bug, never the caller's
                throw new IllegalStateException("tariff-service refused the quote request as malformed: " + body(e), e);
            }
            throw Upstreams.unavailable(SERVICE, "createDutyQuote", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(SERVICE, "createDutyQuote", e);
        }
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
