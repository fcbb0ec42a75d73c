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
        List<String> expected = new ArrayList<>();
        for (String id : ids) {
            var entry = get(org, "/api/entries/" + id).statusCode(200).extract().jsonPath();
            List<String> kinds = entry.getList("deadlines.kind");
            List<String> dues = entry.getList("deadlines.due");
            for (int i = 0; i < kinds.size(); i++) {
                LocalDate due = LocalDate.parse(dues.get(i));
                if (!due.isBefore(today) && !due.isAfter(today.plusDays(3650))) {
                    expected.add(dues.get(i) + " " + entry.getString("entryNumber") + " " + kinds.get(i));
                }
            }
        }
        Collections.sort(expected);
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
}
