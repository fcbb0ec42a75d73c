package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
}
