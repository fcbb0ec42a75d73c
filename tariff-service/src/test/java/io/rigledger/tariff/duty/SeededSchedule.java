package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.rigledger.tariff.duty.Program.IEEPA_FENTANYL;
import static io.rigledger.tariff.duty.Program.IEEPA_RECIPROCAL;
import static io.rigledger.tariff.duty.Program.MFN;
import static io.rigledger.tariff.duty.Program.SECTION_122;
import static io.rigledger.tariff.duty.Program.SECTION_301;
import static io.rigledger.tariff.duty.Program.SECTION_301_FORCED_LABOR;

/**
 * The schedule of migration V4 as plain objects, for engine tests without a database.
 * {@code SeededScheduleTest} proves the migrated database loads into exactly this.
 */
public final class SeededSchedule {

    public static final Set<String> ALL = Set.of();
    public static final Set<String> CN = Set.of("CN");
    public static final Set<String> SEA = Set.of("MY", "TH", "ID");

    private SeededSchedule() {
    }

    public static Schedule schedule() {
        return new Schedule(1, measures(), reliefs(), numbers(), feeRates(), mpfLimits());
    }

    public static List<Measure> measures() {
        return List.of(
                m(1, MFN, "8543.70.99", ALL, "2.6", "2019-01-01", "2022-01-27", true, false, true, false),
                m(2, MFN, "8543.70.98", ALL, "2.6", "2022-01-27", null, true, false, true, false),
                m(3, SECTION_301, "9903.88.02", CN, "25", "2018-08-23", null, true, false, true, false),
                m(4, IEEPA_FENTANYL, "9903.01.20", CN, "10", "2025-02-04", "2025-03-04", true, true, false, false),
                m(5, IEEPA_FENTANYL, "9903.01.24", CN, "20", "2025-03-04", "2025-11-10", true, true, false, false),
                m(6, IEEPA_FENTANYL, "9903.01.24", CN, "10", "2025-11-10", "2026-02-24", true, true, false, false),
                m(7, IEEPA_RECIPROCAL, "9903.01.25", Set.of("CN", "MY", "TH", "ID"), "10", "2025-04-05", "2025-04-09", true, true, true, true),
                m(8, IEEPA_RECIPROCAL, "9903.01.63", CN, "84", "2025-04-09", "2025-04-10", true, true, true, true),
                m(9, IEEPA_RECIPROCAL, "9903.01.53", Set.of("MY"), "24", "2025-04-09", "2025-04-10", false, true, true, true),
                m(10, IEEPA_RECIPROCAL, "9903.01.61", Set.of("ID"), "32", "2025-04-09", "2025-04-10", true, true, true, true),
                m(11, IEEPA_RECIPROCAL, "9903.01.65", Set.of("TH"), "36", "2025-04-09", "2025-04-10", true, true, true, true),
                m(12, IEEPA_RECIPROCAL, "9903.01.63", CN, "125", "2025-04-10", "2025-05-14", true, true, true, true),
                m(13, IEEPA_RECIPROCAL, "9903.01.25", SEA, "10", "2025-04-10", "2025-08-07", true, true, true, true),
                m(14, IEEPA_RECIPROCAL, "9903.01.25", CN, "10", "2025-05-14", "2026-02-24", true, true, true, true),
                m(15, IEEPA_RECIPROCAL, "9903.02.39", Set.of("MY"), "19", "2025-08-07", "2026-02-24", true, true, true, true),
                m(16, IEEPA_RECIPROCAL, "9903.02.27", Set.of("ID"), "19", "2025-08-07", "2026-02-24", true, true, true, true),
                m(17, IEEPA_RECIPROCAL, "9903.02.61", Set.of("TH"), "19", "2025-08-07", "2026-02-24", true, true, true, true),
                m(18, SECTION_122, "9903.03.01", ALL, "10", "2026-02-24", "2026-07-24", true, false, true, false),
                m(19, SECTION_301_FORCED_LABOR, "9903.05.31", CN, "12.5", "2026-07-24", null, false, false, true, false),
                m(20, SECTION_301_FORCED_LABOR, "9903.05.54", Set.of("MY"), "10", "2026-07-24", null, false, false, true, false),
                m(21, SECTION_301_FORCED_LABOR, "9903.05.45", Set.of("ID"), "10", "2026-07-24", null, false, false, true, false),
                m(22, SECTION_301_FORCED_LABOR, "9903.05.77", Set.of("TH"), "12.5", "2026-07-24", null, false, false, true, false));
    }

    public static List<InTransitRelief> reliefs() {
        return List.of(
                r(1, IEEPA_FENTANYL, CN, "2025-02-04", "2025-03-07", null, "2025-02-01", "0", "9903.01.23", true),
                r(2, IEEPA_RECIPROCAL, SEA, "2025-04-05", "2025-05-27", null, "2025-04-05", "0", "9903.01.28", true),
                r(3, IEEPA_RECIPROCAL, CN, "2025-04-05", "2025-04-10", null, "2025-04-05", "0", "9903.01.28", true),
                r(4, IEEPA_RECIPROCAL, CN, "2025-04-10", "2025-05-14", null, "2025-04-05", "0", "9903.01.28", false),
                r(5, IEEPA_RECIPROCAL, CN, "2025-05-14", "2025-05-27", null, "2025-04-05", "0", "9903.01.28", true),
                r(6, IEEPA_RECIPROCAL, SEA, "2025-04-09", "2025-05-27", "2025-04-05", "2025-04-09", "10", "9903.01.25", true),
                r(7, IEEPA_RECIPROCAL, SEA, "2025-08-07", "2025-10-05", null, "2025-08-07", "10", "9903.01.25", true),
                r(8, SECTION_122, ALL, "2026-02-24", "2026-02-28", null, "2026-02-24", "0", "9903.03.02", true),
                r(9, SECTION_301_FORCED_LABOR, Set.of("CN", "MY", "ID", "TH"), "2026-07-24", "2026-07-28", null, "2026-07-24",
                        "0", "9903.05.85", true));
    }

    public static List<StatisticalNumber> numbers() {
        return List.of(new StatisticalNumber("8543.70", "8543.70.9960", d("2019-01-01"), d("2022-01-27")),
                new StatisticalNumber("8543.70", "8543.70.9860", d("2022-01-27"), null));
    }

    public static List<FeeRate> feeRates() {
        return List.of(new FeeRate(1, FeeType.MPF, new BigDecimal("0.3464"), d("2019-01-01"), null, "", true),
                new FeeRate(2, FeeType.HMF, new BigDecimal("0.125"), d("2019-01-01"), null, "", true));
    }

    public static List<MpfLimits> mpfLimits() {
        String[][] rows = {{"2019", "26.22", "508.70"}, {"2020", "26.79", "519.76"}, {"2021", "27.23", "528.33"},
                {"2022", "27.75", "538.40"}, {"2023", "29.66", "575.35"}, {"2024", "31.67", "614.35"},
                {"2025", "32.71", "634.62"}, {"2026", "33.58", "651.50"}, {"2027", "34.58", "670.86"}};
        return Arrays.stream(rows).map(r -> new MpfLimits(Integer.parseInt(r[0]), new BigDecimal(r[1]),
                new BigDecimal(r[2]), "", !"2027".equals(r[0]))).toList();
    }

    private static Measure m(long id, Program program, String heading, Set<String> countries, String rate, String from,
                             String to, boolean confirmed, boolean refundable, boolean drawback, boolean nonUsOnly) {
        return new Measure(id, program, heading, "8543.70", countries, new BigDecimal(rate), d(from), d(to), "", "",
                confirmed, refundable, drawback, nonUsOnly, nonUsOnly ? "9903.01.34" : null);
    }

    private static InTransitRelief r(long id, Program program, Set<String> countries, String enteredFrom,
                                     String enteredBefore, String loadedFrom, String loadedBefore, String rate,
                                     String heading, boolean confirmed) {
        return new InTransitRelief(id, program, countries, d(enteredFrom), d(enteredBefore), d(loadedFrom),
                d(loadedBefore), null, new BigDecimal(rate), heading, "", confirmed);
    }

    static LocalDate d(String date) {
        return date == null ? null : LocalDate.parse(date);
    }
}
