package io.rigledger.tariff.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the duty schedule and fees at one {@code version}: what the engine
 * computes from, with no database access per quote. Measures are kept in quote order (program,
 * then heading, then id).
 */
public final class Schedule {

    private static final Comparator<Measure> QUOTE_ORDER = Comparator.comparing(Measure::program)
            .thenComparing(Measure::heading).thenComparingLong(Measure::id);

    private final long version;
    private final Measure[] measures;
    private final InTransitRelief[] reliefs;
    private final StatisticalNumber[] numbers;
    private final FeeRate[] feeRates;
    private final Map<Integer, MpfLimits> mpfLimits;

    public Schedule(long version, Collection<Measure> measures, Collection<InTransitRelief> reliefs,
                    Collection<StatisticalNumber> numbers, Collection<FeeRate> feeRates,
                    Collection<MpfLimits> mpfLimits) {
        this.version = version;
        List<Measure> sorted = new ArrayList<>(measures);
        sorted.sort(QUOTE_ORDER);
        this.measures = sorted.toArray(Measure[]::new);
        this.reliefs = reliefs.toArray(InTransitRelief[]::new);
        this.numbers = numbers.toArray(StatisticalNumber[]::new);
        this.feeRates = feeRates.toArray(FeeRate[]::new);
        Map<Integer, MpfLimits> byYear = new HashMap<>();
        for (MpfLimits limits : mpfLimits) {
            byYear.put(limits.fiscalYear(), limits);
        }
        this.mpfLimits = Map.copyOf(byYear);
    }

    /** The same schedule with {@code drafts} added and the measures of {@code replacedIds} left out (what-if). */
    public Schedule withDraft(Collection<Measure> drafts, Set<Long> replacedIds) {
        List<Measure> next = new ArrayList<>();
        for (Measure m : measures) {
            if (!replacedIds.contains(m.id())) {
                next.add(m);
            }
        }
        next.addAll(drafts);
        return new Schedule(version, next, List.of(reliefs), List.of(numbers), List.of(feeRates), mpfLimits.values());
    }

    public long version() {
        return version;
    }

    public List<Measure> measures() {
        return List.of(measures);
    }

    public List<InTransitRelief> reliefs() {
        return List.of(reliefs);
    }

    Measure[] measureArray() {
        return measures;
    }

    InTransitRelief[] reliefArray() {
        return reliefs;
    }

    StatisticalNumber[] numberArray() {
        return numbers;
    }

    /** The fee rate of a type in force on a date of entry, if any. */
    public Optional<FeeRate> feeRate(FeeType type, LocalDate entryDate) {
        for (FeeRate rate : feeRates) {
            if (rate.type() == type && rate.inForceOn(entryDate)) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    /** The MPF limits of a fiscal year, if the schedule has them. */
    public Optional<MpfLimits> mpfLimits(int fiscalYear) {
        return Optional.ofNullable(mpfLimits.get(fiscalYear));
    }
}
