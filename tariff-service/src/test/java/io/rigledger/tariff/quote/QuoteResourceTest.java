package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class QuoteResourceTest {

    private static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** For deliberately bad requests: only the answer is checked against the contract. */
    private static RequestSpecification badlyAs(String token) {
        RequestSpecification spec = given().filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    @Test
    void quotesEveryLayerInForcePerLineAndInTotal() {
        // 2026-03-02: CN = MFN 2.6 + Section 301 25 + Section 122 10; MY = MFN 2.6 + Section 122 10
        as(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[
                          {"htsCode":"8543.70.9960","originCountry":"CN","customsValue":40000.00},
                          {"htsCode":"8543.70.9960","originCountry":"MY","customsValue":25000.00}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("entryDate", equalTo("2026-03-02"))
                .body("lines", hasSize(2))
                .body("lines[0].lineNumber", equalTo(1))
                .body("lines[0].layers.layer", contains("MFN", "SECTION_301", "SECTION_122"))
                .body("lines[0].layers[0].heading", equalTo("8543.70"))
                .body("lines[0].layers[0].ratePercent", equalTo(2.6f))
                .body("lines[0].layers.amount", contains(1040.00f, 10000.00f, 4000.00f))
                .body("lines[0].layers[2].confirmed", equalTo(false))
                .body("lines[0].dutyAmount", equalTo(15040.00f))
                .body("lines[1].layers.layer", contains("MFN", "SECTION_122"))
                .body("lines[1].dutyAmount", equalTo(3150.00f))
                .body("totalCustomsValue", equalTo(65000.00f))
                .body("totalDuty", equalTo(18190.00f));
    }

    /** The worked stacks of DOMAIN.md, on a customs value of 10,000.00. */
    @ParameterizedTest(name = "{0} entered {1}: {2}% -> {3}")
    @CsvSource({
            "CN, 2025-04-10, 172.6, 17260.00",
            "CN, 2025-05-13, 172.6, 17260.00",
            "CN, 2025-05-14,  57.6,  5760.00",
            "CN, 2025-11-09,  57.6,  5760.00",
            "CN, 2025-11-10,  47.6,  4760.00",
            "CN, 2026-02-23,  47.6,  4760.00",
            "CN, 2026-02-24,  37.6,  3760.00",
            "CN, 2026-07-24,  27.6,  2760.00",
            "MY, 2025-08-07,  21.6,  2160.00",
            "MY, 2025-08-06,  12.6,  1260.00",
            "TH, 2025-04-04,   2.6,   260.00",
            "ID, 2026-12-15,   2.6,   260.00",
            "US, 2025-04-10,     0,     0.00"})
    void stacksTheLayersOfTheDay(String origin, String entryDate, String percent, String duty) {
        var quote = as(Tokens.finance("northwind"))
                .body("{\"entryDate\":\"" + entryDate + "\",\"lines\":[{\"htsCode\":\"8543.70.9960\",\"originCountry\":\""
                        + origin + "\",\"customsValue\":10000.00}]}")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("totalDuty", equalTo(Float.parseFloat(duty)))
                .extract().jsonPath();
        BigDecimal stacked = quote.getList("lines[0].layers.ratePercent", String.class).stream()
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        org.junit.jupiter.api.Assertions.assertEquals(0, new BigDecimal(percent).compareTo(stacked),
                () -> "stacked rate " + stacked + "% for " + origin + " on " + entryDate);
    }

    @Test
    void roundsEachLayerBeforeSummingTheLine() {
        // CN 2025-06-01 on 1.15: 0.0299 -> 0.03, 0.2875 -> 0.29, 0.23, 0.115 -> 0.12 = 0.67 (57.6% unrounded: 0.66)
        as(Tokens.finance("northwind"))
                .body("""
                        {"entryDate":"2025-06-01","lines":[{"htsCode":"8543.70.9960","originCountry":"CN","customsValue":1.15}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("lines[0].layers.amount", contains(0.03f, 0.29f, 0.23f, 0.12f))
                .body("lines[0].dutyAmount", equalTo(0.67f));
    }

    @Test
    void roundsEachLineHalfUpToTheCentAndTotalsTheRoundedLines() {
        // 1234.56 x 2.6% = 32.09856 -> 32.10; 19.23 x 2.6% = 0.49998 -> 0.50; 0.19 x 2.6% = 0.00494 -> 0.00
        as(Tokens.finance("northwind"))
                .body("""
                        {"entryDate":"2026-09-01","lines":[
                          {"htsCode":"8543.70","originCountry":"TH","customsValue":1234.56},
                          {"htsCode":"8543.70.99","originCountry":"ID","customsValue":19.23},
                          {"htsCode":"8543.70.9860","originCountry":"MY","customsValue":0.19}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("lines[0].dutyAmount", equalTo(32.10f))
                .body("lines[1].dutyAmount", equalTo(0.50f))
                .body("lines[2].dutyAmount", equalTo(0.00f))
                .body("totalDuty", equalTo(32.60f))
                .body("totalCustomsValue", equalTo(1253.98f));
    }

    @Test
    void usMadeRigsAreNotImportsAndCarryNoDuty() {
        as(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"US","customsValue":5000}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("lines[0].layers", empty())
                .body("lines[0].dutyAmount", equalTo(0.00f))
                .body("totalDuty", equalTo(0.00f));
    }

    @Test
    void serviceAccountsMayQuote() {
        as(Tokens.service("procurement-service"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":100}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(200)
                .body("totalDuty", equalTo(12.60f));
    }

    @Test
    void anHtsCodeWithoutARateIs422NamingTheLine() {
        as(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[
                          {"htsCode":"8543.70.9960","originCountry":"MY","customsValue":100},
                          {"htsCode":"8471.50.0150","originCountry":"CN","customsValue":100}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", hasItem("lines[1].htsCode"))
                .body("detail", containsString("8471.50.0150"));
    }

    @Test
    void aDateBeforeTheScheduleIs422() {
        as(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"1980-01-01","lines":[{"htsCode":"8543.70.9960","originCountry":"CN","customsValue":100}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        badlyAs(Tokens.operator("northwind"))
                .body("{\"entryDate\": \"2026-03-02\", \"lines\": [")
                .post("/api/duty-quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(org.hamcrest.Matchers.not(containsString("at io.")))
                .body(org.hamcrest.Matchers.not(containsString("com.fasterxml")));
    }

    @Test
    void constraintViolationsAre400NamingEachField() {
        badlyAs(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[
                          {"htsCode":"8543","originCountry":"china","customsValue":-1},
                          {"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1.005}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("lines[0].htsCode"))
                .body("violations.field", hasItem("lines[0].originCountry"))
                .body("violations.field", hasItem("lines[0].customsValue"))
                .body("violations.field", hasItem("lines[1].customsValue"));
    }

    @Test
    void missingLinesAndDateAre400() {
        badlyAs(Tokens.operator("northwind"))
                .body("{}")
                .post("/api/duty-quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("entryDate"))
                .body("violations.field", hasItem("lines"));
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        badlyAs(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":"lots"}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("customsValue"));
    }

    @Test
    void anUnknownPropertyIs400NamingIt() {
        badlyAs(Tokens.operator("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","discount":5,"lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("discount"));
    }

    @Test
    void noTokenIs401Problem() {
        badlyAs(null)
                .body("{}")
                .post("/api/duty-quotes")
                .then().statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        badlyAs(Tokens.expired("northwind", "operator"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(401);
    }

    @Test
    void aTokenIssuedForAnotherServiceIs401() {
        badlyAs(Tokens.forAudience("some-other-api", "northwind", "operator"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aBearerValueThatIsNotAJwtIs401() {
        badlyAs("not-a-jwt")
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void opsMayNotQuote() {
        badlyAs(Tokens.ops("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }
}
