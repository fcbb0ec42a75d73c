package io.rigledger.tariff.quote;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The answer of POST /api/duty-quotes/what-if (contract: WhatIfResult); USD, two decimals. */
public record WhatIfView(List<Scenario> scenarios, Change total) {

    /** Old, new and new minus old. */
    public record Change(BigDecimal old, @JsonProperty("new") BigDecimal current, BigDecimal difference) {
        static Change of(BigDecimal old, BigDecimal current) {
            return new Change(old, current, current.subtract(old));
        }
    }

    /** One re-quoted quote: {@code quoteId} absent for the inline quote. */
    public record Scenario(UUID quoteId, LocalDate oldEntryDate, LocalDate newEntryDate, List<LineChange> lines,
                           Change duty, Change fees, Change total) {
    }

    public record LineChange(int lineNumber, BigDecimal old, @JsonProperty("new") BigDecimal current,
                             BigDecimal difference) {
    }
}
