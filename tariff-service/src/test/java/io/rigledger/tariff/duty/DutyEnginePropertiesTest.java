package io.rigledger.tariff.duty;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the engine over the seeded schedule, checked against an oracle written by hand
 * from the rate table (stacked percent per origin and date range), not against the engine.
 */
class DutyEnginePropertiesTest {

    static final Schedule SCHEDULE = SeededSchedule.schedule();
    static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    static final LocalDate LAST = LocalDate.of(2027, 9, 30);

    /** Stacked percent from each date of entry on, per origin (DOMAIN rate table, added up by hand). */
    static final Map<String, NavigableMap<LocalDate, String>> STACKED = Map.of(
            "CN", ranges("2019-01-01", "27.6", "2025-02-04", "37.6", "2025-03-04", "47.6", "2025-04-05", "57.6",
                    "2025-04-09", "131.6", "2025-04-10", "172.6", "2025-05-14", "57.6", "2025-11-10", "47.6",
                    "2026-02-24", "37.6", "2026-07-24", "40.1"),
            "MY", ranges("2019-01-01", "2.6", "2025-04-05", "12.6", "2025-04-09", "26.6", "2025-04-10", "12.6",
                    "2025-08-07", "21.6", "2026-02-24", "12.6"),
            "ID", ranges("2019-01-01", "2.6", "2025-04-05", "12.6", "2025-04-09", "34.6", "2025-04-10", "12.6",
                    "2025-08-07", "21.6", "2026-02-24", "12.6"),
            "TH", ranges("2019-01-01", "2.6", "2025-04-05", "12.6", "2025-04-09", "38.6", "2025-04-10", "12.6",
                    "2025-08-07", "21.6", "2026-02-24", "12.6", "2026-07-24", "15.1"));

    /** On whole multiples of 10.00 every seeded rate gives exact cents, so the duty is value x stacked / 100. */
    @Property
    void dutyOnMultiplesOfTenIsTheStackedRateExactly(@ForAll("origins") String origin, @ForAll("dates") LocalDate entry,
                                                     @ForAll @IntRange(min = 0, max = 100_000) int tens) {
        BigDecimal value = BigDecimal.valueOf(tens).multiply(BigDecimal.TEN).setScale(2);
        BigDecimal stacked = new BigDecimal(STACKED.get(origin).floorEntry(entry).getValue());
        Quotation q = quote(origin, entry, value, null, TransportMode.AIR);
        assertEquals(value.multiply(stacked).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY), q.totalDuty());
    }

    /** Each layer is within half a cent of its exact amount, and rounds half up. */
    @Property
    void everyLayerIsHalfUpToTheCent(@ForAll("origins") String origin, @ForAll("dates") LocalDate entry,
                                     @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal value) {
        Quotation q = quote(origin, entry, value, null, TransportMode.AIR);
        for (Quotation.PartQuote part : q.lines().get(0).parts()) {
            for (Quotation.LayerQuote layer : part.layers()) {
                BigDecimal exact = layer.basis().multiply(layer.ratePercent()).movePointLeft(2);
                BigDecimal error = layer.amount().subtract(exact);
                assertTrue(error.compareTo(new BigDecimal("-0.005")) > 0 && error.compareTo(new BigDecimal("0.005")) <= 0,
                        () -> layer + " vs exact " + exact);
            }
        }
    }

    /** The US-content split gives parts that add up to the line's value, and the US part carries no reciprocal duty. */
    @Property
    void usContentPartsAddUpToTheLine(@ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal value,
                                      @ForAll @BigRange(min = "20", max = "100") @Scale(2) BigDecimal usContent) {
        Quotation q = quote("MY", LocalDate.of(2025, 9, 15), value, usContent, TransportMode.AIR);
        var parts = q.lines().get(0).parts();
        assertEquals(value, parts.get(0).basis().add(parts.get(1).basis()));
        assertTrue(parts.get(0).layers().stream().noneMatch(l -> l.program() == Program.IEEPA_RECIPROCAL));
    }

    /** MPF is HALF_UP of 0.3464% held between the fiscal year's limits; HMF only by ocean, uncapped. */
    @Property
    void feesFollowTheFiscalYearAndMode(@ForAll("dates") LocalDate entry, @ForAll TransportMode mode,
                                        @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal value) {
        Quotation q = quote("MY", entry, value, null, mode);
        Quotation.FeeQuote mpf = q.fees().get(0);
        MpfLimits limits = SCHEDULE.mpfLimits(MpfLimits.fiscalYearOf(entry)).orElseThrow();
        BigDecimal computed = value.multiply(new BigDecimal("0.003464")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(computed.max(limits.minimum()).min(limits.maximum()), mpf.amount());
        assertEquals(mode == TransportMode.OCEAN ? 2 : 1, q.fees().size());
        if (mode == TransportMode.OCEAN) {
            assertEquals(value.multiply(new BigDecimal("0.00125")).setScale(2, RoundingMode.HALF_UP), q.fees().get(1).amount());
        }
        assertEquals(q.totalDuty().add(q.totalFees()), q.total());
    }

    /** A US-made line adds no duty and no fee basis: not an import. */
    @Property
    void aUsLineChangesNothing(@ForAll("dates") LocalDate entry,
                               @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal value,
                               @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal usValue) {
        QuoteInput.Line cn = new QuoteInput.Line("8543.70", "CN", value, 1, null);
        QuoteInput.Line us = new QuoteInput.Line("8543.70", "US", usValue, 1, null);
        Quotation alone = DutyEngine.quote(SCHEDULE, new QuoteInput(entry, null, TransportMode.OCEAN, List.of(cn)));
        Quotation mixed = DutyEngine.quote(SCHEDULE, new QuoteInput(entry, null, TransportMode.OCEAN, List.of(cn, us)));
        assertEquals(alone.total(), mixed.total());
        assertEquals(alone.totalCustomsValue().add(usValue), mixed.totalCustomsValue());
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.of("CN", "MY", "ID", "TH");
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay)
                .edgeCases(c -> c.add(LocalDate.of(2025, 4, 9), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 2, 24)));
    }

    static Quotation quote(String origin, LocalDate entry, BigDecimal value, BigDecimal usContent, TransportMode mode) {
        return DutyEngine.quote(SCHEDULE, new QuoteInput(entry, null, mode,
                List.of(new QuoteInput.Line("8543.70", origin, value, 1, usContent))));
    }

    static NavigableMap<LocalDate, String> ranges(String... fromAndPercent) {
        NavigableMap<LocalDate, String> map = new TreeMap<>();
        for (int i = 0; i < fromAndPercent.length; i += 2) {
            map.put(LocalDate.parse(fromAndPercent[i]), fromAndPercent[i + 1]);
        }
        return map;
    }
}
