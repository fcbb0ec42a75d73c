package io.rigledger.tariff.duty;

import io.rigledger.tariff.duty.Quotation.LayerQuote;
import io.rigledger.tariff.duty.Quotation.PartKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against hand-computed cents: every regime boundary of the seeded schedule, rounding, parts. */
class DutyEngineTest {

    static final Schedule SCHEDULE = SeededSchedule.schedule();

    static Quotation quote(String origin, String entry, String export, TransportMode mode, String value, String usContent) {
        return quote("8543.70", origin, entry, export, mode, value, usContent);
    }

    static Quotation quote(String hts, String origin, String entry, String export, TransportMode mode, String value,
                           String usContent) {
        QuoteInput.Line line = new QuoteInput.Line(hts, origin, new BigDecimal(value), 1,
                usContent == null ? null : new BigDecimal(usContent));
        return DutyEngine.quote(SCHEDULE, new QuoteInput(LocalDate.parse(entry),
                export == null ? null : LocalDate.parse(export), mode, List.of(line)));
    }

    static List<String> headings(Quotation q, int part) {
        return q.lines().get(0).parts().get(part).layers().stream().map(LayerQuote::heading).toList();
    }

    static void money(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    /** On 10,000.00 every layer is exact, so the duty is the stacked rate x 100. Day before and day of each change. */
    @ParameterizedTest(name = "{0} entered {1}: {2}")
    @CsvSource({
            "CN, 2019-01-01, 2760.00, 8543.70.99 9903.88.02",
            "CN, 2025-02-03, 2760.00, 8543.70.98 9903.88.02",
            "CN, 2025-02-04, 3760.00, 8543.70.98 9903.88.02 9903.01.20",
            "CN, 2025-03-03, 3760.00, 8543.70.98 9903.88.02 9903.01.20",
            "CN, 2025-03-04, 4760.00, 8543.70.98 9903.88.02 9903.01.24",
            "CN, 2025-04-04, 4760.00, 8543.70.98 9903.88.02 9903.01.24",
            "CN, 2025-04-05, 5760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2025-04-08, 5760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2025-04-09, 13160.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.63",
            "CN, 2025-04-10, 17260.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.63",
            "CN, 2025-05-13, 17260.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.63",
            "CN, 2025-05-14, 5760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2025-11-09, 5760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2025-11-10, 4760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2026-02-23, 4760.00, 8543.70.98 9903.88.02 9903.01.24 9903.01.25",
            "CN, 2026-02-24, 3760.00, 8543.70.98 9903.88.02 9903.03.01",
            "CN, 2026-07-23, 3760.00, 8543.70.98 9903.88.02 9903.03.01",
            "CN, 2026-07-24, 4010.00, 8543.70.98 9903.88.02 9903.05.31",
            "MY, 2022-01-26, 260.00, 8543.70.99",
            "MY, 2022-01-27, 260.00, 8543.70.98",
            "MY, 2025-04-04, 260.00, 8543.70.98",
            "MY, 2025-04-05, 1260.00, 8543.70.98 9903.01.25",
            "MY, 2025-04-09, 2660.00, 8543.70.98 9903.01.53",
            "ID, 2025-04-09, 3460.00, 8543.70.98 9903.01.61",
            "TH, 2025-04-09, 3860.00, 8543.70.98 9903.01.65",
            "TH, 2025-04-10, 1260.00, 8543.70.98 9903.01.25",
            "MY, 2025-08-06, 1260.00, 8543.70.98 9903.01.25",
            "MY, 2025-08-07, 2160.00, 8543.70.98 9903.02.39",
            "ID, 2025-08-07, 2160.00, 8543.70.98 9903.02.27",
            "TH, 2025-08-07, 2160.00, 8543.70.98 9903.02.61",
            "MY, 2026-02-23, 2160.00, 8543.70.98 9903.02.39",
            "MY, 2026-02-24, 1260.00, 8543.70.98 9903.03.01",
            "TH, 2026-07-23, 1260.00, 8543.70.98 9903.03.01",
            "TH, 2026-07-24, 1510.00, 8543.70.98 9903.05.77",
            "ID, 2026-07-24, 1260.00, 8543.70.98 9903.05.45",
            "MY, 2026-07-24, 1260.00, 8543.70.98 9903.05.54"})
    void stacksTheMeasuresInForceOnTheDateOfEntry(String origin, String entry, String duty, String headings) {
        Quotation q = quote(origin, entry, null, TransportMode.AIR, "10000.00", null);
        money(duty, q.totalDuty());
        assertEquals(List.of(headings.split(" ")), headings(q, 0));
    }

    @Test
    void workedExampleChinaFirstFentanylMonth() {
        Quotation q = quote("8543.70.9860", "CN", "2025-02-04", null, TransportMode.AIR, "97345.55", null);
        assertEquals(List.of("2530.98", "24336.39", "9734.56"), amounts(q));
        money("36601.93", q.totalDuty());
        money("337.20", q.fees().get(0).amount());
        assertEquals(1, q.fees().size(), "no HMF by air");
        money("36939.13", q.total());
    }

    @Test
    void workedExampleChinaOneDayRegime() {
        Quotation q = quote("CN", "2025-04-09", null, TransportMode.AIR, "48765.43", null);
        assertEquals(List.of("1267.90", "12191.36", "9753.09", "40962.96"), amounts(q));
        money("64175.31", q.totalDuty());
        money("168.92", q.totalFees());
        money("64344.23", q.total());
    }

    @Test
    void workedExampleChinaForcedLabourByOcean() {
        Quotation q = quote("CN", "2026-07-24", null, TransportMode.OCEAN, "123456.78", null);
        assertEquals(List.of("3209.88", "30864.20", "15432.10"), amounts(q));
        money("49506.18", q.totalDuty());
        money("427.65", q.fees().get(0).amount());
        money("154.32", q.fees().get(1).amount());
        money("50088.15", q.total());
    }

    @Test
    void workedExampleIndonesiaInTransitThenAfterTheCutOff() {
        Quotation kept = quote("ID", "2025-09-15", "2025-08-01", TransportMode.OCEAN, "154321.09", null);
        assertEquals(List.of("4012.35", "15432.11"), amounts(kept));
        assertEquals(List.of("8543.70.98", "9903.01.25"), headings(kept, 0));
        money("19444.46", kept.totalDuty());
        money("534.57", kept.fees().get(0).amount());
        money("192.90", kept.fees().get(1).amount());
        money("20171.93", kept.total());
        Quotation late = quote("ID", "2025-10-06", "2025-08-01", TransportMode.OCEAN, "154321.09", null);
        assertEquals(List.of("4012.35", "29321.01"), amounts(late));
        money("34060.83", late.total());
    }

    @Test
    void workedExampleMalaysiaWithThirtyPercentUsContent() {
        Quotation q = quote("MY", "2025-09-15", null, TransportMode.OCEAN, "101234.50", "30");
        var parts = q.lines().get(0).parts();
        assertEquals(PartKind.US_CONTENT, parts.get(0).kind());
        assertEquals("9903.01.34", parts.get(0).heading());
        money("30370.35", parts.get(0).basis());
        assertEquals(List.of("789.63"), parts.get(0).layers().stream().map(l -> l.amount().toPlainString()).toList());
        money("70864.15", parts.get(1).basis());
        assertEquals(List.of("1842.47", "13464.19"), parts.get(1).layers().stream().map(l -> l.amount().toPlainString()).toList());
        money("16096.29", q.totalDuty());
        money("350.68", q.fees().get(0).amount());
        money("126.54", q.fees().get(1).amount());
        money("16573.51", q.total());
    }

    @Test
    void workedExampleThailandSectionOneTwentyTwoRoundsHalfUpNotHalfEven() {
        Quotation q = quote("TH", "2026-03-10", null, TransportMode.AIR, "8123.45", null);
        assertEquals(List.of("211.21", "812.35"), amounts(q));
        money("1023.56", q.totalDuty());
        money("28.14", q.fees().get(0).computed());
        money("33.58", q.fees().get(0).amount());
        money("1057.14", q.total());
    }

    @ParameterizedTest(name = "{0} entered {1} loaded {2}: {4} at {3}%")
    @CsvSource({
            "CN, 2025-02-10, 2025-01-31, 0, 9903.01.23, true",
            "CN, 2025-02-10, 2025-02-01, 10, 9903.01.20, false",
            "CN, 2025-03-06, 2025-01-31, 0, 9903.01.23, true",
            "CN, 2025-03-07, 2025-01-31, 20, 9903.01.24, false"})
    void fentanylInTransitReliefOnBothSidesOfEachCutOff(String origin, String entry, String loaded, String rate,
                                                        String heading, boolean inTransit) {
        LayerQuote fentanyl = layer(quote(origin, entry, loaded, TransportMode.OCEAN, "10000.00", null), Program.IEEPA_FENTANYL);
        assertEquals(0, new BigDecimal(rate).compareTo(fentanyl.ratePercent()));
        assertEquals(heading, fentanyl.heading());
        assertEquals(inTransit, fentanyl.inTransit());
    }

    @ParameterizedTest(name = "{0} entered {1} loaded {2}: {4} at {3}%")
    @CsvSource({
            "MY, 2025-04-20, 2025-04-04, 0, 9903.01.28",
            "MY, 2025-04-20, 2025-04-05, 10, 9903.01.25",
            "MY, 2025-05-26, 2025-04-04, 0, 9903.01.28",
            "MY, 2025-05-27, 2025-04-04, 10, 9903.01.25",
            "CN, 2025-04-09, 2025-04-04, 0, 9903.01.28",
            "CN, 2025-04-09, 2025-04-05, 84, 9903.01.63",
            "CN, 2025-05-26, 2025-04-04, 0, 9903.01.28",
            "CN, 2025-05-27, 2025-04-04, 10, 9903.01.25",
            "MY, 2025-04-09, 2025-04-08, 10, 9903.01.25",
            "MY, 2025-04-09, 2025-04-09, 24, 9903.01.53",
            "TH, 2025-04-09, 2025-04-05, 10, 9903.01.25",
            "ID, 2025-04-09, 2025-04-04, 0, 9903.01.28",
            "ID, 2025-10-04, 2025-08-06, 10, 9903.01.25",
            "ID, 2025-10-05, 2025-08-06, 19, 9903.02.27",
            "ID, 2025-09-15, 2025-08-07, 19, 9903.02.27",
            "MY, 2025-08-07, 2025-08-06, 10, 9903.01.25"})
    void reciprocalInTransitReliefOnBothSidesOfEachCutOff(String origin, String entry, String loaded, String rate,
                                                          String heading) {
        LayerQuote reciprocal = layer(quote(origin, entry, loaded, TransportMode.OCEAN, "10000.00", null),
                Program.IEEPA_RECIPROCAL);
        assertEquals(0, new BigDecimal(rate).compareTo(reciprocal.ratePercent()), reciprocal.toString());
        assertEquals(heading, reciprocal.heading());
    }

    @ParameterizedTest(name = "{0} {1} entered {2} loaded {3}: {5} at {4}%")
    @CsvSource({
            "TH, SECTION_122, 2026-02-27, 2026-02-23, 0, 9903.03.02",
            "TH, SECTION_122, 2026-02-28, 2026-02-23, 10, 9903.03.01",
            "TH, SECTION_122, 2026-02-25, 2026-02-24, 10, 9903.03.01",
            "CN, SECTION_301_FORCED_LABOR, 2026-07-27, 2026-07-23, 0, 9903.05.85",
            "CN, SECTION_301_FORCED_LABOR, 2026-07-28, 2026-07-23, 12.5, 9903.05.31",
            "MY, SECTION_301_FORCED_LABOR, 2026-07-24, 2026-07-24, 10, 9903.05.54"})
    void laterInTransitReliefOnBothSidesOfEachCutOff(String origin, Program program, String entry, String loaded,
                                                     String rate, String heading) {
        LayerQuote layer = layer(quote(origin, entry, loaded, TransportMode.OCEAN, "10000.00", null), program);
        assertEquals(0, new BigDecimal(rate).compareTo(layer.ratePercent()));
        assertEquals(heading, layer.heading());
    }

    @Test
    void usContentOfTwentyPercentSplitsTheLineAndNineteenNinetyNineDoesNot() {
        Quotation below = quote("MY", "2025-09-15", null, TransportMode.AIR, "10000.00", "19.99");
        assertEquals(1, below.lines().get(0).parts().size());
        money("2160.00", below.totalDuty());
        Quotation at = quote("MY", "2025-09-15", null, TransportMode.AIR, "10000.00", "20");
        assertEquals(2, at.lines().get(0).parts().size());
        money("2000.00", at.lines().get(0).parts().get(0).basis());
        money("8000.00", at.lines().get(0).parts().get(1).basis());
        money("1780.00", at.totalDuty()); // 52.00 + 208.00 + 19% of 8,000.00 = 1,520.00
    }

    @Test
    void usContentSplitsOnlyWhileAReciprocalDutyIsInForce() {
        Quotation q = quote("TH", "2026-03-10", null, TransportMode.AIR, "10000.00", "50");
        assertEquals(List.of(PartKind.WHOLE), q.lines().get(0).parts().stream().map(Quotation.PartQuote::kind).toList());
        money("1260.00", q.totalDuty());
    }

    @Test
    void aChinaPlantRigShippedFromMalaysiaCarriesTheChinaStack() {
        // origin is where the boards were populated (HQ H344034), not where the ship left from
        money("5760.00", quote("CN", "2025-09-15", null, TransportMode.OCEAN, "10000.00", null).totalDuty());
        money("2160.00", quote("MY", "2025-09-15", null, TransportMode.OCEAN, "10000.00", null).totalDuty());
    }

    @Test
    void aCodeWithoutAMeasureIsRefusedNeverZero() {
        CannotQuote e = assertThrows(CannotQuote.class,
                () -> quote("8471.50.0150", "CN", "2026-03-10", null, TransportMode.AIR, "1000.00", null));
        assertEquals("lines[0].htsCode", e.field());
        assertTrue(e.getMessage().contains("8471.50.0150"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} entered {1} names {2}")
    @CsvSource({"8543.70.9960, 2022-01-27, 8543.70.9860", "8543.70.99, 2025-01-01, 8543.70.9860",
            "8543.70.9860, 2022-01-26, 8543.70.9960"})
    void aStatisticalNumberNotInForceIsRefusedNamingTheRightOne(String hts, String entry, String right) {
        CannotQuote e = assertThrows(CannotQuote.class,
                () -> quote(hts, "MY", entry, null, TransportMode.AIR, "1000.00", null));
        assertEquals("lines[0].htsCode", e.field());
        assertTrue(e.getMessage().endsWith(right), e.getMessage());
    }

    @Test
    void theStatisticalNumberOfTheDayIsAccepted() {
        money("26.00", quote("8543.70.9960", "MY", "2022-01-26", null, TransportMode.AIR, "1000.00", null).totalDuty());
        money("26.00", quote("8543.70.9860", "MY", "2022-01-27", null, TransportMode.AIR, "1000.00", null).totalDuty());
    }

    @Test
    void usOriginIsNoImportNoDutyNoFees() {
        Quotation q = quote("US", "2025-04-10", null, TransportMode.OCEAN, "10000.00", null);
        money("0.00", q.total());
        assertEquals(List.of(), q.fees());
        assertEquals(List.of(), q.lines().get(0).parts().get(0).layers());
    }

    @Test
    void refundableDutyIsTheIeepaLayersOnly() {
        Quotation q = quote("CN", "2025-09-15", null, TransportMode.AIR, "10000.00", null);
        money("3000.00", q.refundableDuty()); // fentanyl 20% + reciprocal 10%; MFN and Section 301 are not refundable
    }

    static List<String> amounts(Quotation q) {
        return q.lines().get(0).parts().get(0).layers().stream().map(l -> l.amount().toPlainString()).toList();
    }

    static LayerQuote layer(Quotation q, Program program) {
        return q.lines().get(0).parts().get(0).layers().stream().filter(l -> l.program() == program).findFirst()
                .orElseThrow(() -> new AssertionError("no " + program + " layer in " + q));
    }
}
