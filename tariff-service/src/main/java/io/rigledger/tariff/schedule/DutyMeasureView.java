package io.rigledger.tariff.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A measure as the API shows it (contract: DutyMeasure); {@code originCountries} empty = every origin. */
public record DutyMeasureView(long id, String program, String heading, String htsPrefix, List<String> originCountries,
                              BigDecimal ratePercent, LocalDate effectiveFrom, LocalDate effectiveTo,
                              String legalReference, String sourceNote, boolean confirmed, boolean refundable,
                              boolean drawbackEligible, boolean nonUsContentOnly, String usContentHeading,
                              int version) {

    static DutyMeasureView of(DutyMeasure m) {
        BigDecimal rate = m.ratePercent.stripTrailingZeros();
        return new DutyMeasureView(m.id, m.program.name(), m.heading, m.htsPrefix,
                Arrays.stream(m.originCountries).sorted().toList(), rate.scale() < 0 ? rate.setScale(0) : rate,
                m.effectiveFrom, m.effectiveTo, m.legalReference, m.sourceNote, m.confirmed, m.refundable,
                m.drawbackEligible, m.nonUsContentOnly, m.usContentHeading, m.version);
    }
}
