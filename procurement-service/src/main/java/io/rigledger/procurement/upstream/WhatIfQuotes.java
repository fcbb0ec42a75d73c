package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.tariff.api.DutyQuotesApi;
import io.rigledger.procurement.upstream.tariff.model.Change;
import io.rigledger.procurement.upstream.tariff.model.WhatIfRequest;
import io.rigledger.procurement.upstream.tariff.model.WhatIfResult;
import io.rigledger.procurement.upstream.tariff.model.WhatIfScenario;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * tariff-service's what-if (operation whatIfDutyQuotes) on stored quotes, on behalf of the
 * organisation: the same quotes' lines on another date of entry, nothing stored. At most
 * {@link #MAX_QUOTES} quotes per call, as its contract allows. Retry and breaker values:
 * quarkus.fault-tolerance."io.rigledger.procurement.upstream.WhatIfQuotes/reprice".*.
 */
@ApplicationScoped
public class WhatIfQuotes {

    /** Quotes one whatIfDutyQuotes call takes (its contract's maxItems). */
    public static final int MAX_QUOTES = 100;

    @Inject
    @RestClient
    DutyQuotesApi quotes;

    /** A stored quote's duty and fees, USD, as answered (old) and on the new date of entry (new). */
    public record Repriced(LocalDate oldEntryDate, BigDecimal oldDuty, BigDecimal newDuty, BigDecimal oldFees, BigDecimal newFees) {
    }

    /**
     * Re-prices up to 100 stored quotes of {@code org} on {@code entryDate}.
     *
     * @return each quote's old and new amounts, by quote id
     * @throws QuoteRejectedException when tariff-service cannot re-price them (4xx: e.g. no rate on that date)
     * @throws UpstreamUnavailableException when tariff-service does not answer, fails, or leaves a quote out
     */
    @Retry(retryOn = UpstreamUnavailableException.class, abortOn = QuoteRejectedException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class, skipOn = QuoteRejectedException.class)
    @CircuitBreakerName("tariff-what-if")
    public Map<UUID, Repriced> reprice(String org, List<UUID> quoteIds, LocalDate entryDate) {
        if (quoteIds.size() > MAX_QUOTES) {
            throw new IllegalArgumentException("at most " + MAX_QUOTES + " quotes per call: " + quoteIds.size());
        }
        WhatIfResult result;
        try {
            result = quotes.whatIfDutyQuotes(new WhatIfRequest().quoteIds(quoteIds).entryDate(entryDate), org);
        } catch (WebApplicationException e) {
            int status = Upstreams.status(e);
            if ((status == 400 || status == 404 || status == 409 || status == 422) && Upstreams.isProblem(e)) {
                throw new QuoteRejectedException("tariff-service cannot re-price the orders' quotes on " + entryDate
                        + " (HTTP " + status + ")", List.of());
            }
            throw Upstreams.unavailable(DutyQuotes.SERVICE, "whatIfDutyQuotes", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(DutyQuotes.SERVICE, "whatIfDutyQuotes", e);
        }
        Map<UUID, Repriced> byQuote = new HashMap<>();
        for (WhatIfScenario s : result.getScenarios() == null ? List.<WhatIfScenario>of() : result.getScenarios()) {
            if (s.getQuoteId() != null && s.getDuty() != null && s.getFees() != null) {
                byQuote.put(s.getQuoteId(), new Repriced(s.getOldEntryDate(), old(s.getDuty()), now(s.getDuty()),
                        old(s.getFees()), now(s.getFees())));
            }
        }
        if (!byQuote.keySet().containsAll(quoteIds)) {
            throw Upstreams.unavailable(DutyQuotes.SERVICE, "whatIfDutyQuotes",
                    new IllegalStateException("answered " + byQuote.size() + " of " + quoteIds.size() + " quotes"));
        }
        return byQuote;
    }

    private static BigDecimal old(Change c) {
        return c.getOld();
    }

    private static BigDecimal now(Change c) {
        return c.getNew();
    }
}
