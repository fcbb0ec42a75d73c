package io.rigledger.tariff.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RateResourceTest {

    private static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token);
    }

    @Test
    void theScheduleHoldsMfnForMinersUnder8543_70() {
        as(Tokens.ops("northwind"))
                .queryParam("htsCode", "8543.70.9960")
                .get("/api/duty-rates")
                .then().statusCode(200)
                .body("items.layer", hasItem("MFN"))
                .body("items.find { it.layer == 'MFN' }.ratePercent", equalTo(2.6f))
                .body("items.find { it.layer == 'MFN' }.htsPrefix", equalTo("8543.70"))
                .body("items.find { it.layer == 'MFN' }.effectiveTo", nullValue());
    }

    @Test
    void pagesWithACursorUntilTheLastPageHasNone() {
        String country = "Q" + (char) ('A' + (int) (Math.random() * 26));
        String prefix = "9" + (100 + (int) (Math.random() * 899)) + ".11";
        List<Long> created = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                DutyRate r = new DutyRate();
                r.layer = "TEST";
                r.heading = prefix;
                r.description = "paging test " + UUID.randomUUID();
                r.htsPrefix = prefix;
                r.originCountry = country;
                r.ratePercent = BigDecimal.ONE;
                r.effectiveFrom = LocalDate.of(2020, 1, 1);
                r.confirmed = false;
                r.source = "test";
                r.persist();
                created.add(r.id);
            }
        });
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification req = as(Tokens.finance("northwind"))
                    .queryParam("limit", 2).queryParam("htsCode", prefix + ".0000").queryParam("originCountry", country);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get("/api/duty-rates").then().statusCode(200)
                    .body("items.htsPrefix", everyItem(equalTo(prefix)))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(created, seen, "every row once, in id order");
        assertEquals(3, pages);
    }

    @Test
    void aForgedCursorIs400NamingIt() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.ops("northwind"))
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/duty-rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void aZeroLimitIs400NamingIt() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.ops("northwind"))
                .queryParam("limit", 0)
                .get("/api/duty-rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void aBadOriginFilterIs400NamingIt() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.ops("northwind"))
                .queryParam("originCountry", "Malaysia")
                .get("/api/duty-rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("originCountry"));
    }

    @Test
    void aTokenWithoutAnyRoleIs403() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.user("nobody", "northwind"))
                .get("/api/duty-rates")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
