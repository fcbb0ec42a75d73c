package io.rigledger.tariff.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Fees as data: the seeded MPF table, admin changes with history, read-only for everyone else. */
@QuarkusTest
class FeeResourceTest {

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theMpfTableRunsFromFy2019ToAnUnconfirmedFy2027() {
        as(Tokens.finance("northwind")).get("/api/fees").then().statusCode(200)
                .body("rates.type", hasItems("MPF", "HMF"))
                .body("rates.find { it.type == 'MPF' && it.effectiveFrom == '2019-01-01' }.ratePercent", equalTo(0.3464f))
                .body("mpfYears.find { it.fiscalYear == 2019 }.minimum", equalTo(26.22f))
                .body("mpfYears.find { it.fiscalYear == 2026 }.maximum", equalTo(651.50f))
                .body("mpfYears.find { it.fiscalYear == 2027 }.confirmed", equalTo(false));
    }

    @Test
    void anAdminSetsAFiscalYearThenCorrectsItWithItsVersion() {
        String limits = """
                {"minimum":36.00,"maximum":%s,"legalReference":"estimate","confirmed":false%s,"reason":"%s"}""";
        as(Tokens.admin()).body(limits.formatted("700.00", "", "planning FY2031")).put("/api/fees/mpf-years/2031")
                .then().statusCode(200).body("version", equalTo(0));
        as(Tokens.admin()).body(limits.formatted("700.00", "", "again without version")).put("/api/fees/mpf-years/2031")
                .then().statusCode(409);
        as(Tokens.admin()).body(limits.formatted("710.00", ",\"version\":0", "CBP published it")).put("/api/fees/mpf-years/2031")
                .then().statusCode(200).body("version", equalTo(1)).body("maximum", equalTo(710.00f));
        as(Tokens.ops("northwind")).get("/api/fees/mpf-years/2031/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "CORRECT"))
                .body("items.reason", contains("planning FY2031", "CBP published it"));
        as(Tokens.ops("northwind")).get("/api/fees/mpf-years/2026/history").then().statusCode(200)
                .body("items[0].action", equalTo("SEED"));
    }

    @Test
    void overlappingRatesOfOneTypeAre409AndSupersedeKeepsBoth() {
        String rate = """
                {"type":"MPF","ratePercent":%s,"effectiveFrom":"%s","effectiveTo":"%s","legalReference":"test",
                 "confirmed":true,"reason":"%s"}""";
        long id = as(Tokens.admin()).body(rate.formatted("0.21", "2005-01-01", "2006-01-01", "history"))
                .post("/api/fees/rates").then().statusCode(201).extract().jsonPath().getLong("id");
        as(Tokens.admin()).body(rate.formatted("0.21", "2005-06-01", "2007-01-01", "overlaps"))
                .post("/api/fees/rates").then().statusCode(409).body("violations[0].field", equalTo("effectiveFrom"));
        as(Tokens.admin()).body(rate.formatted("0.25", "2005-07-01", "2006-01-01", "raised mid-year"))
                .post("/api/fees/rates/" + id + "/supersede").then().statusCode(201)
                .body("closed.effectiveTo", equalTo("2005-07-01"))
                .body("successor.ratePercent", equalTo(0.25f));
        as(Tokens.ops("northwind")).get("/api/fees/rates/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "CLOSE"));
    }

    @Test
    void onlyAdminsChangeFees() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance("northwind")).contentType(ContentType.JSON)
                .body("{\"minimum\":1,\"maximum\":2,\"legalReference\":\"x\",\"confirmed\":true,\"reason\":\"x\"}")
                .put("/api/fees/mpf-years/2040").then().statusCode(403).contentType("application/problem+json");
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.service("procurement-service"))
                .contentType(ContentType.JSON)
                .body("{\"type\":\"HMF\",\"ratePercent\":1,\"effectiveFrom\":\"2001-01-01\",\"legalReference\":\"x\",\"confirmed\":true,\"reason\":\"x\"}")
                .post("/api/fees/rates").then().statusCode(403);
        given().filter(Contract.responses(CONTRACT)).get("/api/fees").then().statusCode(401);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.user("nobody", "northwind"))
                .get("/api/fees").then().statusCode(403);
        as(Tokens.admin()).get("/api/fees/rates/999999/history").then().statusCode(404);
    }
}
