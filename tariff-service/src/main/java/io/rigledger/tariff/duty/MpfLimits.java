package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The MPF minimum and maximum (USD) of one US fiscal year (1 October to 30 September; FY2026 runs
 * 2025-10-01 to 2026-09-30). Source: 19 CFR 24.23 as adjusted yearly, FY2026 CBP Dec. 25-10.
 */
public record MpfLimits(int fiscalYear, BigDecimal minimum, BigDecimal maximum, String legalReference,
                        boolean confirmed) {

    /** The fiscal year of a date of entry: 30 September 2025 is FY2025, 1 October 2025 is FY2026. */
    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    /** The amount held between minimum and maximum. */
    public BigDecimal clamp(BigDecimal amount) {
        return amount.max(minimum).min(maximum);
    }
}
