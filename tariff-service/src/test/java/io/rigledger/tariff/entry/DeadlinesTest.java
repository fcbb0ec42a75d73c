package io.rigledger.tariff.entry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each deadline on a worked date (entry 2025-09-15; liquidated 2026-07-27). */
class DeadlinesTest {

    /** A day before the entry of 2025-09-15 is deemed liquidated (2026-09-15). */
    private static final LocalDate BEFORE_DEEMED = LocalDate.of(2026, 3, 1);

    private static Map<String, LocalDate> due(Deadlines.Facts facts) {
        return Deadlines.of(facts).stream().collect(Collectors.toMap(Deadlines.Deadline::kind, Deadlines.Deadline::due));
    }

    @Test
    void anUnliquidatedEntryHasCorrectionLiquidationCapeAndDrawbackDeadlines() {
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.PAID, null, true, BEFORE_DEEMED));
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
                LocalDate.of(2026, 7, 27), true, BEFORE_DEEMED));
        assertEquals(LocalDate.of(2027, 1, 23), d.get("PROTEST"));
        assertEquals(LocalDate.of(2026, 10, 15), d.get("CAPE"));
        assertEquals(LocalDate.of(2030, 9, 15), d.get("DRAWBACK"));
        assertEquals(3, d.size());
    }

    @Test
    void aProtestedEntryWithoutIeepaDutyKeepsOnlyDrawbackAndTheyComeSoonestFirst() {
        List<Deadlines.Deadline> d = Deadlines.of(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.PROTESTED,
                LocalDate.of(2026, 7, 27), false, BEFORE_DEEMED));
        assertEquals(List.of("DRAWBACK"), d.stream().map(Deadlines.Deadline::kind).toList());
        List<Deadlines.Deadline> open = Deadlines.of(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.FILED, null, false, BEFORE_DEEMED));
        for (int i = 1; i < open.size(); i++) {
            assertFalse(open.get(i).due().isBefore(open.get(i - 1).due()));
        }
    }

    @Test
    void anEntryNotLiquidatedWithinAYearIsDeemedLiquidatedAndItsCapeDeadlineAndEligibilityCountFromThen() {
        // entered 2025-01-10, never liquidated: deemed liquidated 2026-01-10 (19 U.S.C. 1504(a)); CAPE until 2026-03-31
        LocalDate entered = LocalDate.of(2025, 1, 10);
        assertEquals(LocalDate.of(2026, 1, 10), Deadlines.liquidation(entered, null, LocalDate.of(2026, 1, 11)));
        assertEquals(LocalDate.of(2026, 1, 10), Deadlines.liquidation(entered, null, LocalDate.of(2026, 1, 10)));
        assertEquals(null, Deadlines.liquidation(entered, null, LocalDate.of(2026, 1, 9)));
        Deadlines.Deadline cape = Deadlines.of(new Deadlines.Facts(entered, EntryStatus.PAID, null, true, LocalDate.of(2026, 2, 1)))
                .stream().filter(d -> d.kind().equals("CAPE")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 31), cape.due());
        assertFalse(cape.estimated());
        Cape.Facts facts = new Cape.Facts(true, EntryStatus.PAID, entered, null, false, false, false, false);
        assertEquals(List.of(), Cape.whyNot(facts, LocalDate.of(2026, 3, 31)));
        assertEquals(List.of("deemed liquidated more than 80 days ago (2026-01-10, 1 year after entry, 19 U.S.C. 1504(a))"),
                Cape.whyNot(facts, LocalDate.of(2026, 4, 1)));
    }

    @Test
    void aRefundRequestKeepsTheProtestDeadlineOfALiquidatedEntry() {
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.REFUND_REQUESTED,
                LocalDate.of(2026, 7, 27), true, BEFORE_DEEMED));
        assertEquals(LocalDate.of(2027, 1, 23), d.get("PROTEST"));
    }

    @Test
    void aRefundRequestAfterADecidedProtestDoesNotShowTheProtestDeadlineAgain() {
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.REFUND_REQUESTED,
                LocalDate.of(2026, 7, 27), true, true, BEFORE_DEEMED));
        assertFalse(d.containsKey("PROTEST"));
        // nor once the window closed without a protest (a final liquidation NO_PROTEST, then a refund request)
        assertFalse(due(new Deadlines.Facts(LocalDate.of(2025, 9, 15), EntryStatus.REFUND_REQUESTED,
                LocalDate.of(2026, 7, 27), true, false, LocalDate.of(2027, 1, 24))).containsKey("PROTEST"));
    }

    @Test
    void aDeemedLiquidationOpensTheProtestWindowOf180Days() {
        // entered 2025-01-10, never liquidated: deemed liquidated 2026-01-10 (19 U.S.C. 1504(a)); protest until 2026-07-09
        Map<String, LocalDate> d = due(new Deadlines.Facts(LocalDate.of(2025, 1, 10), EntryStatus.PAID, null, false, LocalDate.of(2026, 2, 1)));
        assertEquals(LocalDate.of(2026, 7, 9), d.get("PROTEST"));
        assertFalse(due(new Deadlines.Facts(LocalDate.of(2025, 1, 10), EntryStatus.PAID, null, false, LocalDate.of(2026, 1, 9)))
                .containsKey("PROTEST"));
        assertEquals(LocalDate.of(2026, 7, 9), due(new Deadlines.Facts(LocalDate.of(2025, 1, 10), EntryStatus.PAID, null, false,
                LocalDate.of(2026, 1, 10))).get("PROTEST"));
    }

    @Test
    void onTheAnniversaryOfTheDateOfEntryTheEntryIsDeemedLiquidatedAndTheDayBeforeItIsNot() {
        // 19 U.S.C. 1504(a): "at the expiration of 1 year from the date of entry"; entered 2025-11-30: deemed liquidated 2026-11-30
        LocalDate entered = LocalDate.of(2025, 11, 30);
        Deadlines.Facts dayBefore = new Deadlines.Facts(entered, EntryStatus.PAID, null, true, LocalDate.of(2026, 11, 29));
        Deadlines.Facts anniversary = new Deadlines.Facts(entered, EntryStatus.PAID, null, true, LocalDate.of(2026, 11, 30));
        assertEquals(null, Deadlines.liquidation(entered, null, dayBefore.today()));
        assertEquals(LocalDate.of(2026, 11, 30), Deadlines.liquidation(entered, null, anniversary.today()));
        Deadlines.Deadline before = Deadlines.of(dayBefore).stream().filter(d -> d.kind().equals("CAPE")).findFirst().orElseThrow();
        // the day before: 80 days after the expected liquidation (314 days after entry, 2026-10-10), estimated
        assertEquals(LocalDate.of(2026, 12, 29), before.due());
        assertTrue(before.estimated());
        Deadlines.Deadline on = Deadlines.of(anniversary).stream().filter(d -> d.kind().equals("CAPE")).findFirst().orElseThrow();
        // on the day: 80 days after the deemed liquidation, no longer estimated, and the protest window is open
        assertEquals(LocalDate.of(2027, 2, 18), on.due());
        assertFalse(on.estimated());
        assertFalse(due(dayBefore).containsKey("PROTEST"));
        assertEquals(LocalDate.of(2027, 5, 29), due(anniversary).get("PROTEST"));
        // CAPE eligibility counts from the same day: the last eligible day is the CAPE deadline
        Cape.Facts facts = new Cape.Facts(true, EntryStatus.PAID, entered, null, false, false, false, false);
        assertEquals(List.of(), Cape.whyNot(facts, LocalDate.of(2027, 2, 18)));
        assertEquals(List.of("deemed liquidated more than 80 days ago (2026-11-30, 1 year after entry, 19 U.S.C. 1504(a))"),
                Cape.whyNot(facts, LocalDate.of(2027, 2, 19)));
    }

    @Test
    void deadlinesTheEntryCanNoLongerUseAreLeftOut() {
        LocalDate entered = LocalDate.of(2026, 3, 10);
        LocalDate today = LocalDate.of(2026, 6, 1);
        // open: a correction until 2027-01-03 and CAPE
        Map<String, LocalDate> open = due(new Deadlines.Facts(entered, EntryStatus.PAID, null, true, false, false, today));
        assertEquals(LocalDate.of(2027, 1, 3), open.get("POST_SUMMARY_CORRECTION"));
        assertTrue(open.containsKey("CAPE"));
        // after CBP's origin audit no correction is accepted (19 CFR 101.9(b)); no IEEPA duty owed or a CAPE refund received: no CAPE
        Map<String, LocalDate> audited = due(new Deadlines.Facts(entered, EntryStatus.PAID, null, false, false, true, today));
        assertFalse(audited.containsKey("POST_SUMMARY_CORRECTION"));
        assertFalse(audited.containsKey("CAPE"));
        assertTrue(audited.containsKey("DEEMED_LIQUIDATION"));
        // deemed liquidated a year after entry: no correction either
        assertFalse(due(new Deadlines.Facts(entered, EntryStatus.PAID, null, true, false, false, LocalDate.of(2027, 3, 10)))
                .containsKey("POST_SUMMARY_CORRECTION"));
    }
}
