package io.rigledger.tariff.duty;

import java.time.LocalDate;

/**
 * The 10-digit HTS statistical number in force for a 6-digit heading on a date of entry
 * (HTSUS statistical notes: 8543.70.9960 before 2022-01-27, 8543.70.9860 from then).
 */
public record StatisticalNumber(String heading, String number, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public boolean inForceOn(LocalDate entryDate) {
        return !entryDate.isBefore(effectiveFrom) && (effectiveTo == null || entryDate.isBefore(effectiveTo));
    }

    /**
     * Whether a dotted code longer than the heading (8543.70.99 or 8543.70.9960) names this number
     * or its 8-digit subheading.
     */
    public boolean accepts(String htsCode) {
        return number.startsWith(htsCode);
    }
}
