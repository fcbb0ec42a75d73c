package io.rigledger.procurement.upstream;

import java.time.LocalDate;
import java.util.List;

/**
 * What tariff-service is asked to quote for one order, on behalf of the order's organisation.
 *
 * @param org           the organisation the quote is for (sent as X-On-Behalf-Of-Org)
 * @param entryDate     expected date of entry
 * @param exportDate    expected date of export (in-transit relief), or null
 * @param transportMode OCEAN, AIR, TRUCK or RAIL (HMF for OCEAN only)
 * @param lines         one quote line per order line, in order
 */
public record QuoteRequest(String org, LocalDate entryDate, LocalDate exportDate, String transportMode,
                           List<QuoteLine> lines) {

    public QuoteRequest {
        lines = List.copyOf(lines);
    }
}
