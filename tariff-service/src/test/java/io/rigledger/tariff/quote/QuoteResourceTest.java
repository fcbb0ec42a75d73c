package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST and GET /api/duty-quotes over HTTP: the worked examples, storage and who reads a quote. */
@QuarkusTest
class QuoteResourceTest {

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String line(String hts, String origin, String value) {
        return "{\"htsCode\":\"" + hts + "\",\"originCountry\":\"" + origin + "\",\"customsValue\":" + value + "}";
    }

    @Test
    void quotesTheIndonesianInTransitExampleWithFeesAndStoresIt() {
        var created = as(Tokens.finance("northwind"))
                .body("""
                        {"entryDate":"2025-09-15","exportDate":"2025-08-01","transportMode":"OCEAN","lines":[
                          {"htsCode":"8543.70.9860","originCountry":"ID","customsValue":154321.09,"quantity":30}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(201)
                .header("Location", containsString("/api/duty-quotes/"))
                .body("lines[0].parts[0].kind", equalTo("WHOLE"))
                .body("lines[0].parts[0].layers.heading", contains("8543.70.98", "9903.01.25"))
                .body("lines[0].parts[0].layers[1].inTransit", equalTo(true))
                .body("lines[0].dutyAmount", equalTo(19444.46f))
                .body("fees.type", contains("MPF", "HMF"))
                .body("fees.amount", contains(534.57f, 192.90f))
                .body("totalDuty", equalTo(19444.46f))
                .body("totalFees", equalTo(727.47f))
                .body("total", equalTo(20171.93f))
                .body("refundableDuty", equalTo(15432.11f))
                .body("scheduleVersion", notNullValue())
                .extract();
        String id = created.path("id");
        String again = as(Tokens.operator("northwind")).get("/api/duty-quotes/" + id)
                .then().statusCode(200).extract().asString();
        assertEquals(created.asString(), again, "GET answers the stored body byte for byte");
    }

    @Test
    void amountsAreNumbersWithTwoDecimals() {
        String body = as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-10\",\"transportMode\":\"AIR\",\"lines\":[" + line("8543.70.9860", "TH", "8123.45") + "]}")
                .post("/api/duty-quotes")
                .then().statusCode(201)
                .body("lines[0].parts[0].layers.amount", contains(211.21f, 812.35f))
                .body("fees[0].computed", equalTo(28.14f))
                .body("fees[0].amount", equalTo(33.58f))
                .body("total", equalTo(1057.14f))
                .extract().asString();
        assertEquals(true, body.contains("\"totalFees\":33.58"), body);
        assertEquals(true, body.contains("\"basis\":8123.45"), body);
    }

    @Test
    void splitsAMalaysianLineWithThirtyPercentUsContent() {
        as(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2025-09-15","transportMode":"OCEAN","lines":[
                          {"htsCode":"8543.70.9860","originCountry":"MY","customsValue":101234.50,"usContentPercent":30}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(201)
                .body("lines[0].parts.kind", contains("US_CONTENT", "NON_US_CONTENT"))
                .body("lines[0].parts[0].heading", equalTo("9903.01.34"))
                .body("lines[0].parts.basis", contains(30370.35f, 70864.15f))
                .body("lines[0].parts[0].layers.program", contains("MFN"))
                .body("lines[0].parts[1].layers.amount", contains(1842.47f, 13464.19f))
                .body("totalDuty", equalTo(16096.29f))
                .body("total", equalTo(16573.51f));
    }

    @Test
    void usMadeRigsAreNoImportsAndCarryNoDutyOrFees() {
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-02\",\"transportMode\":\"TRUCK\",\"lines\":[" + line("8543.70.9860", "US", "5000") + "]}")
                .post("/api/duty-quotes")
                .then().statusCode(201)
                .body("lines[0].parts[0].layers", empty())
                .body("fees", empty())
                .body("total", equalTo(0.00f));
    }

    @Test
    void withoutAModeNoHmfIsQuotedAndTheOldRequestShapeStillWorks() {
        as(Tokens.service("procurement-service"))
                .body("{\"entryDate\":\"2026-12-15\",\"lines\":[" + line("8543.70.9860", "MY", "54000.00") + "]}")
                .post("/api/duty-quotes")
                .then().statusCode(201)
                .body("transportMode", equalTo(null))
                .body("fees.type", contains("MPF"))
                .body("lines[0].dutyAmount", equalTo(6804.00f)); // 2.6% + forced labour 10% (unconfirmed)
    }

    @Test
    void anotherOrganisationsQuoteIs404LikeAMissingOne() {
        String id = as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-02\",\"lines\":[" + line("8543.70.9860", "MY", "100") + "]}")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        as(Tokens.operator("southwind")).get("/api/duty-quotes/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.finance("northwind")).get("/api/duty-quotes/" + id).then().statusCode(200);
        as(Tokens.operator("northwind")).get("/api/duty-quotes/00000000-0000-0000-0000-000000000001")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aServiceAccountReadsWhatItQuotedForAnOrganisationAndNothingElse() {
        String id = as(Tokens.service("procurement-service")).header(QuoteOwner.ON_BEHALF_OF, "northwind")
                .body("{\"entryDate\":\"2026-03-02\",\"lines\":[" + line("8543.70.9860", "MY", "100") + "]}")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        as(Tokens.service("procurement-service")).header(QuoteOwner.ON_BEHALF_OF, "northwind")
                .get("/api/duty-quotes/" + id).then().statusCode(200);
        as(Tokens.operator("northwind")).get("/api/duty-quotes/" + id).then().statusCode(200);
        as(Tokens.service("procurement-service")).header(QuoteOwner.ON_BEHALF_OF, "southwind")
                .get("/api/duty-quotes/" + id).then().statusCode(404);
        as(Tokens.service("other-service")).header(QuoteOwner.ON_BEHALF_OF, "northwind")
                .get("/api/duty-quotes/" + id).then().statusCode(404);
        as(Tokens.operator("southwind")).get("/api/duty-quotes/" + id).then().statusCode(404);
    }

    @Test
    void aPersonCannotClaimAnotherOrganisationThroughTheServiceHeader() {
        String id = as(Tokens.operator("southwind")).header(QuoteOwner.ON_BEHALF_OF, "northwind")
                .body("{\"entryDate\":\"2026-03-02\",\"lines\":[" + line("8543.70.9860", "MY", "100") + "]}")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        as(Tokens.operator("northwind")).get("/api/duty-quotes/" + id).then().statusCode(404);
        as(Tokens.operator("southwind")).get("/api/duty-quotes/" + id).then().statusCode(200);
    }

    @Test
    void aCodeWithoutAMeasureIs422NamingTheLineNeverZero() {
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-02\",\"lines\":[" + line("8543.70.9860", "MY", "100") + ","
                        + line("8471.50.0150", "CN", "100") + "]}")
                .post("/api/duty-quotes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[1].htsCode"))
                .body("detail", containsString("8471.50.0150"));
    }

    @Test
    void aStatisticalNumberNotInForceIs422NamingTheRightOne() {
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2022-01-27\",\"lines\":[" + line("8543.70.9960", "MY", "100") + "]}")
                .post("/api/duty-quotes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].htsCode"))
                .body("violations[0].message", endsWith("8543.70.9860"));
    }

    @Test
    void noTokenIs401AndOpsMayNotQuote() {
        given().filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON).body("{}")
                .post("/api/duty-quotes").then().statusCode(401).contentType("application/problem+json");
        given().filter(Contract.responses(CONTRACT)).get("/api/duty-quotes/00000000-0000-0000-0000-000000000001")
                .then().statusCode(401);
        as(Tokens.ops("northwind"))
                .body("{\"entryDate\":\"2026-03-02\",\"lines\":[" + line("8543.70.9860", "MY", "1") + "]}")
                .post("/api/duty-quotes").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.ops("northwind")).get("/api/duty-quotes/00000000-0000-0000-0000-000000000001")
                .then().statusCode(403);
    }

    @Test
    void errorsSayNothingOfTheInternals() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.operator("northwind"))
                .contentType(ContentType.JSON).body("{\"entryDate\": \"2026-03-02\", \"lines\": [")
                .post("/api/duty-quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("at io."))).body(not(containsString("com.fasterxml")));
    }
}
