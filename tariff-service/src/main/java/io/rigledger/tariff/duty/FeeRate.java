package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An ad valorem fee rate by date of entry (percent of entered value): MPF 0.3464% (19 CFR 24.23),
 * HMF 0.125% (19 CFR 24.24, ocean only, no cap).
 */
public record FeeRate(long id, FeeType type, BigDecimal ratePercent, LocalDate effectiveFrom, LocalDate effectiveTo,
                      String legalReference, boolean confirmed) {

    public boolean inForceOn(LocalDate entryDate) {
        return !entryDate.isBefore(effectiveFrom) && (effectiveTo == null || entryDate.isBefore(effectiveTo));
    }
}
