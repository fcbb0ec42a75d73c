package io.rigledger.procurement.upstream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * tariff-service's duty quote in procurement's terms: what an order keeps of it.
 *
 * @param totalDuty  total duty in USD over all lines
 * @param quotedAt   when tariff-service quoted it (UTC), or null when it did not say
 * @param lineDuties duty in USD per requested line, in the order the lines were asked
 */
public record QuotedDuty(BigDecimal totalDuty, Instant quotedAt, List<BigDecimal> lineDuties) {

    public QuotedDuty {
        lineDuties = List.copyOf(lineDuties);
    }
}
