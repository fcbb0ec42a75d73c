package io.rigledger.tariff.schedule;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the schedule: the corrected seed, paging, filters, history and who may read. */
@QuarkusTest
class RateResourceTest {

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token);
    }

    @Test
    void chinaIsOnSection301ListTwoSinceAugust2018AndTheNeverEffective34PercentIsGone() {
        as(Tokens.ops("northwind")).queryParam("originCountry", "CN").queryParam("limit", 1000)
                .get("/api/duty-rates")
                .then().statusCode(200)
                .body("items.find { it.program == 'SECTION_301' }.heading", equalTo("9903.88.02"))
                .body("items.find { it.program == 'SECTION_301' }.ratePercent", equalTo(25))
                .body("items.find { it.program == 'SECTION_301' }.effectiveFrom", equalTo("2018-08-23"))
                .body("items.findAll { it.program == 'IEEPA_RECIPROCAL' }.ratePercent", not(hasItem(34)))
                .body("items.findAll { it.program == 'IEEPA_FENTANYL' }.heading", contains("9903.01.20", "9903.01.24", "9903.01.24"))
                .body("items.originCountries", everyItem(anyOf(hasItem("CN"), equalTo(List.of()))));
    }

    @Test
    void pagesWithACursorUntilTheLastPageHasNone() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification req = as(Tokens.finance("northwind")).queryParam("limit", 5).queryParam("htsCode", "8543.70.9860");
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get("/api/duty-rates").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertTrue(seen.size() >= 22, "the seed has 22 measures: " + seen);
        assertEquals(seen.stream().sorted().distinct().toList(), seen, "every measure once, in id order");
    }

    @Test
    void theSeedIsTheFirstEntryOfAMeasuresHistory() {
        as(Tokens.operator("northwind")).get("/api/duty-rates/3/history")
                .then().statusCode(200)
                .body("items[0].action", equalTo("SEED"))
                .body("items[0].changedBy", equalTo("flyway V4"))
                .body("items[0].state.heading", equalTo("9903.88.02"));
    }

    @Test
    void anUnknownMeasureIs404() {
        as(Tokens.operator("northwind")).get("/api/duty-rates/999999").then().statusCode(404);
        as(Tokens.operator("northwind")).get("/api/duty-rates/999999/history").then().statusCode(404);
    }

    @Test
    void badFiltersAre400NamingThem() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.ops("northwind"))
                .queryParam("originCountry", "Malaysia").get("/api/duty-rates")
                .then().statusCode(400).body("violations[0].field", equalTo("originCountry"));
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.ops("northwind"))
                .queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/duty-rates")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void aTokenWithoutAnyRoleIs403AndNoTokenIs401() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.user("nobody", "northwind"))
                .get("/api/duty-rates").then().statusCode(403).contentType("application/problem+json");
        given().filter(Contract.responses(CONTRACT)).get("/api/duty-rates/1").then().statusCode(401);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.user("nobody", "northwind"))
                .get("/api/duty-rates/1/history").then().statusCode(403);
    }
}
