package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.duty.CannotQuote;
import io.rigledger.tariff.duty.DutyEngine;
import io.rigledger.tariff.duty.MpfLimits;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.duty.QuoteInput;
import io.rigledger.tariff.duty.TransportMode;
import io.rigledger.tariff.schedule.ScheduleSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the duty engine says for an entry's lines, on the schedule snapshot in memory: the same HTS
 * numbers, values, units, US content, date of entry, export date and mode; for an origin audit the
 * origin CBP asserts instead of the declared one.
 */
@ApplicationScoped
public class EntryEngine {

    @Inject
    ScheduleSnapshots snapshots;

    /**
     * @param origin null for the declared origins, else the one origin every line is computed for
     * @throws io.rigledger.platform.problem.ProblemException 422 naming the field the schedule cannot answer
     */
    public Quotation quote(LocalDate entryDate, LocalDate exportDate, String mode, List<SummaryInput.Line> lines, String origin) {
        List<QuoteInput.Line> input = lines.stream().map(l -> new QuoteInput.Line(l.htsCode(),
                origin == null ? l.originCountry() : origin, l.customsValue(), l.quantity(), l.usContentPercent())).toList();
        try {
            return DutyEngine.quote(snapshots.current(), new QuoteInput(entryDate, exportDate, TransportMode.valueOf(mode), input));
        } catch (CannotQuote e) {
            throw Problems.unprocessable(e.field(), e.getMessage());
        }
    }

    /**
     * Whether the schedule can compute duty for goods of {@code origin}: the United States (no duty), or an origin some
     * measure names (a country-specific program, e.g. Section 301 for CN, IEEPA reciprocal for MY). An origin no measure
     * names (DE) would be computed with MFN alone, as if no country program existed for it.
     */
    public boolean covers(String origin) {
        return origin.equals("US") || snapshots.current().measures().stream().anyMatch(m -> m.originCountries().contains(origin));
    }

    /** The MPF minimum and maximum (USD) of the US fiscal year of {@code entryDate} (19 CFR 24.23), empty when the schedule has none. */
    public Optional<MpfLimits> mpfLimits(LocalDate entryDate) {
        return snapshots.current().mpfLimits(MpfLimits.fiscalYearOf(entryDate));
    }
}
