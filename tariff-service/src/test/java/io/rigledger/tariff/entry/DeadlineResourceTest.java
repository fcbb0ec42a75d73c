package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/deadlines?within=: what falls due, soonest first, only the caller's organisation's. */
@QuarkusTest
class DeadlineResourceTest extends PinnedTodayTest {

    @Test
    void withinThirtyDaysListsTheCorrectionDeadlineBeforeTheExpectedLiquidation() {
        String org = org();
        LocalDate today = Today.DATE;
        LocalDate entered = today.minusDays(290);
        String number = number();
        filed(org, malaysian(number, entered.toString(), "0.00", ""));
        filed(org(), malaysian(number(), entered.toString(), "0.00", ""));
        get(org, "/api/deadlines?within=30d").statusCode(200)
                .body("from", equalTo(today.toString()))
                .body("items.kind", equalTo(List.of("POST_SUMMARY_CORRECTION", "EXPECTED_LIQUIDATION")))
                .body("items.due", equalTo(List.of(entered.plusDays(299).toString(), entered.plusDays(314).toString())))
                .body("items.daysLeft", equalTo(List.of(9, 24)))
                .body("items[0].entryNumber", equalTo(number));
        get(org, "/api/deadlines?within=5d").statusCode(200).body("items", equalTo(List.of()));
        get(org, "/api/deadlines").statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void aWindowThatIsNotADayCountIs400NamingWithin() {
        for (String bad : new String[] {"30", "0d", "-1d", "3651d", "30 d", "1w"}) {
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org())).queryParam("within", bad)
                    .get("/api/deadlines").then().statusCode(400).body("violations.field", equalTo(List.of("within")));
        }
    }

    @Test
    void deadlinesPageSoonestFirstAndAForgedCursorIs400NamingCursor() {
        String org = org();
        LocalDate today = Today.DATE;
        LocalDate entered = today.minusDays(290);
        filed(org, malaysian(number(), entered.toString(), "0.00", ""));
        filed(org, malaysian(number(), entered.plusDays(1).toString(), "0.00", ""));
        String next = get(org, "/api/deadlines?within=30d&limit=3").statusCode(200)
                .body("items.kind", equalTo(List.of("POST_SUMMARY_CORRECTION", "POST_SUMMARY_CORRECTION", "EXPECTED_LIQUIDATION")))
                .body("items.due", equalTo(List.of(entered.plusDays(299).toString(), entered.plusDays(300).toString(),
                        entered.plusDays(314).toString())))
                .extract().path("nextCursor");
        get(org, "/api/deadlines?within=30d&limit=3&cursor=" + next).statusCode(200)
                .body("items.kind", equalTo(List.of("EXPECTED_LIQUIDATION")))
                .body("items.due", equalTo(List.of(entered.plusDays(315).toString())))
                .body("nextCursor", nullValue());
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).queryParam("cursor", next + "A")
                .get("/api/deadlines").then().statusCode(400).body("violations.field", equalTo(List.of("cursor")));
    }

    @Test
    void pagedDeadlinesAreEveryEntrysOwnOpenDeadlinesInOrder() {
        String org = org();
        LocalDate today = Today.DATE;
        List<String> ids = new ArrayList<>();
        // entered while MY's 19 % reciprocal duty applied (2025-08-07 to 2026-02-24), on the days around each rule's
        // boundary: every kind falls due, CAPE for the entries owing IEEPA duty, PROTEST once deemed liquidated
        int[] daysAgo = {280, 290, 298, 299, 300, 314, 315, 330, 364, 365, 366, 400, 450, 479};
        for (int i = 0; i < daysAgo.length; i++) {
            String id = filed(org, malaysian(number(), today.minusDays(daysAgo[i]).toString(), i % 2 == 0 ? "19000.00" : "0.00", ""));
            if (i % 2 == 0) {
                // paid ten days after its date of entry (a payment before it is 422)
                move(org, id, "payments", Entries.PAID_IN_FULL.replace("2025-09-25", today.minusDays(daysAgo[i] - 10).toString()))
                        .statusCode(200);
            }
            ids.add(id);
        }
        List<String> expected = ownDeadlines(org, ids, today, 3650);
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = get(org, "/api/deadlines?within=3650d&limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200)
                    .extract().jsonPath();
            List<String> kinds = page.getList("items.kind");
            for (int i = 0; i < kinds.size(); i++) {
                listed.add(page.getString("items[" + i + "].due") + " " + page.getString("items[" + i + "].entryNumber") + " " + kinds.get(i));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(Set.of("POST_SUMMARY_CORRECTION", "EXPECTED_LIQUIDATION", "DEEMED_LIQUIDATION", "CAPE", "PROTEST", "DRAWBACK"),
                expected.stream().map(row -> row.substring(row.lastIndexOf(' ') + 1)).collect(Collectors.toSet()), expected.toString());
        assertEquals(expected, listed);
    }

    /**
     * DueDates reads only the entries whose date of entry or of liquidation can put a deadline in the window: every
     * kind's deadline due today and on the window's last day is listed, with exactly what the entries' own deadlines
     * put in the window (entries dated on each rule's offset: correction 299 days, expected liquidation 314, deemed
     * liquidation a year, CAPE 80 days and protest 180 days after it, drawback five years; CAPE and protest 80 and 180
     * days after a liquidation by CBP).
     */
    @Test
    void aWindowListsEachKindDueOnItsFirstAndLastDay() {
        String org = org();
        LocalDate today = Today.DATE;
        int window = 10;
        List<String> ids = new ArrayList<>();
        for (LocalDate due : List.of(today, today.plusDays(window))) {
            for (LocalDate entered : List.of(due.minusDays(299), due.minusDays(314), due.minusYears(1), due.minusDays(80).minusYears(1),
                    due.minusDays(180).minusYears(1), due.minusYears(Deadlines.DRAWBACK_YEARS))) {
                String body = malaysian(number(), entered.toString(), "0.00", "");
                // the statistical number before its renumbering of 2022-01-27 (the drawback's entries of 2021)
                ids.add(filed(org, entered.isBefore(LocalDate.of(2022, 1, 27)) ? body.replace("8543.70.9860", "8543.70.9960") : body));
            }
            // entered while MY's reciprocal duty applied and liquidated by CBP before the deemed liquidation (2026-11-01):
            // CAPE 80 days after (IEEPA duty owed), protest 180 days after
            for (int days : new int[] {Deadlines.CAPE_DAYS, Deadlines.PROTEST_DAYS}) {
                LocalDate liquidated = due.minusDays(days);
                String id = filed(org, malaysian(number(), "2025-11-01", "19000.00", ""));
                move(org, id, "payments", Entries.PAID_IN_FULL.replace("2025-09-25", "2025-11-05")).statusCode(200);
                move(org, id, "liquidation", """
                        {"liquidationDate":"%s","reason":"CBP liquidation notice","layers":[]}""".formatted(liquidated))
                        .statusCode(200).body("status", equalTo("LIQUIDATED"));
                ids.add(id);
            }
        }
        List<String> expected = ownDeadlines(org, ids, today, window);
        var page = get(org, "/api/deadlines?within=" + window + "d&limit=1000").statusCode(200).extract().jsonPath();
        List<String> listed = new ArrayList<>();
        List<String> kinds = page.getList("items.kind");
        for (int i = 0; i < kinds.size(); i++) {
            listed.add(page.getString("items[" + i + "].due") + " " + page.getString("items[" + i + "].entryNumber") + " " + kinds.get(i));
        }
        Set<String> edges = expected.stream().map(row -> row.substring(0, 10) + " " + row.substring(row.lastIndexOf(' ') + 1))
                .collect(Collectors.toSet());
        for (String kind : List.of("POST_SUMMARY_CORRECTION", "EXPECTED_LIQUIDATION", "DEEMED_LIQUIDATION", "CAPE", "PROTEST", "DRAWBACK")) {
            for (LocalDate day : List.of(today, today.plusDays(window))) {
                assertTrue(edges.contains(day + " " + kind), day + " " + kind + " in " + expected);
            }
        }
        assertEquals(expected, listed);
    }

    /** "due entryNumber kind" of each deadline the entries' own views give, due from today to {@code days} ahead, sorted. */
    private static List<String> ownDeadlines(String org, List<String> ids, LocalDate today, int days) {
        List<String> expected = new ArrayList<>();
        for (String id : ids) {
            var entry = get(org, "/api/entries/" + id).statusCode(200).extract().jsonPath();
            List<String> kinds = entry.getList("deadlines.kind");
            List<String> dues = entry.getList("deadlines.due");
            for (int i = 0; i < kinds.size(); i++) {
                LocalDate due = LocalDate.parse(dues.get(i));
                if (!due.isBefore(today) && !due.isAfter(today.plusDays(days))) {
                    expected.add(dues.get(i) + " " + entry.getString("entryNumber") + " " + kinds.get(i));
                }
            }
        }
        Collections.sort(expected);
        return expected;
    }
}
