package io.rigledger.tariff.entry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each deadline on a worked date (entry 2025-09-15; liquidated 2026-07-27). */
class DeadlinesTest {

    private static Map<String, LocalDate> due(Deadlines.Facts facts) {
        return Deadlines.of(facts).stream().collect(Collectors.toMap(Deadlines.Deadline::kind, Deadlines.Deadline::due));
    }

    @Test
    void anUnliquidatedEntryHasCorrectionLiquidationCapeAndDrawbackDeadlines() {
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.PAID, null, true));
        // 300 days after entry is 2026-07-12; 15 days before the scheduled liquidation (2026-07-26) is 2026-07-11: the earlier
        assertEquals(LocalDate.of(2026, 7, 11), d.get("POST_SUMMARY_CORRECTION"));
        assertEquals(LocalDate.of(2026, 7, 26), d.get("EXPECTED_LIQUIDATION"));
        assertEquals(LocalDate.of(2026, 9, 15), d.get("DEEMED_LIQUIDATION"));
        assertEquals(LocalDate.of(2026, 10, 14), d.get("CAPE"));
        assertEquals(LocalDate.of(2030, 9, 15), d.get("DRAWBACK"));
        assertFalse(d.containsKey("PROTEST"));
    }

    @Test
    void aLiquidatedEntryHasProtestCapeAndDrawbackDeadlines() {
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.LIQUIDATED,
                LocalDate.of(2026, 7, 27), true));
        assertEquals(LocalDate.of(2027, 1, 23), d.get("PROTEST"));
        assertEquals(LocalDate.of(2026, 10, 15), d.get("CAPE"));
        assertEquals(LocalDate.of(2030, 9, 15), d.get("DRAWBACK"));
        assertEquals(3, d.size());
    }

    @Test
    void aProtestedEntryWithoutIeepaDutyKeepsOnlyDrawbackAndTheyComeSoonestFirst() {
        List<Deadlines.Deadline> d = Deadlines.of(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.PROTESTED,
                LocalDate.of(2026, 7, 27), false));
        assertEquals(List.of("DRAWBACK"), d.stream().map(Deadlines.Deadline::kind).toList());
        List<Deadlines.Deadline> open = Deadlines.of(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.FILED, null, false));
        for (int i = 1; i < open.size(); i++) {
            assertFalse(open.get(i).due().isBefore(open.get(i - 1).due()));
        }
    }
}
