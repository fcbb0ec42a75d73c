package io.rigledger.procurement.upstream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * tariff-service's stored duty quote in procurement's terms: what an order keeps of it.
 *
 * @param quoteId    the stored quote's id at tariff-service
 * @param totalDuty  total duty in USD over all lines
 * @param totalFees  MPF and HMF of the entry in USD
 * @param quotedAt   when tariff-service quoted it (UTC)
 * @param lineDuties duty in USD per requested line, in the order the lines were asked
 */
public record QuotedDuty(UUID quoteId, BigDecimal totalDuty, BigDecimal totalFees, Instant quotedAt,
                         List<BigDecimal> lineDuties) {

    public QuotedDuty {
        lineDuties = List.copyOf(lineDuties);
    }
}
