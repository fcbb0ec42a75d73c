package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One effective-dated duty measure: {@code ratePercent} (percent of entered value, USD) under
 * {@code heading} (a Chapter 99 heading, or the HTS subheading for MFN) for lines whose HTS code
 * starts with {@code htsPrefix} and whose origin is in {@code originCountries} (empty: every origin),
 * entered in [{@code effectiveFrom}, {@code effectiveTo}) ({@code effectiveTo} null: open).
 *
 * <p>{@code nonUsContentOnly}: during IEEPA reciprocal only, a line with at least 20% US content is
 * split and this measure applies to the non-US part only; the US part is declared under
 * {@code usContentHeading} (9903.01.34) with no duty (CBP IEEPA FAQ).
 */
public record Measure(long id, Program program, String heading, String htsPrefix, Set<String> originCountries,
                      BigDecimal ratePercent, LocalDate effectiveFrom, LocalDate effectiveTo, String legalReference,
                      String sourceNote, boolean confirmed, boolean refundable, boolean drawbackEligible,
                      boolean nonUsContentOnly, String usContentHeading) {

    public Measure {
        originCountries = Set.copyOf(originCountries);
    }

    /** Whether the measure is in force for goods entered on {@code entryDate}. */
    public boolean inForceOn(LocalDate entryDate) {
        return !entryDate.isBefore(effectiveFrom) && (effectiveTo == null || entryDate.isBefore(effectiveTo));
    }

    /** Whether a line of this HTS code and origin falls under the measure (dates aside). */
    public boolean covers(String htsCode, String origin) {
        return htsCode.startsWith(htsPrefix) && (originCountries.isEmpty() || originCountries.contains(origin));
    }

    /** Whether two measures' dates of entry overlap. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || effectiveFrom.isBefore(to)) && (effectiveTo == null || from.isBefore(effectiveTo));
    }

    /**
     * Whether both could apply to the same line on the same day, so the line would carry one
     * program twice: same program, one HTS prefix equal to or inside the other (8543.70 and
     * 8543.70.98 both cover 8543.70.9860), a common origin, common dates.
     */
    public boolean clashesWith(Measure other) {
        return program == other.program
                && (htsPrefix.startsWith(other.htsPrefix) || other.htsPrefix.startsWith(htsPrefix))
                && Countries.intersect(originCountries, other.originCountries)
                && overlaps(other.effectiveFrom, other.effectiveTo);
    }
}
