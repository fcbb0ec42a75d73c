package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
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
    void quotesMfnPerLineAndInTotal() {
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
                .body("lines[0].layers[0].layer", equalTo("MFN"))
                .body("lines[0].layers[0].heading", equalTo("8543.70"))
                .body("lines[0].layers[0].ratePercent", equalTo(2.6f))
                .body("lines[0].dutyAmount", equalTo(1040.00f))
                .body("lines[1].dutyAmount", equalTo(650.00f))
                .body("totalCustomsValue", equalTo(65000.00f))
                .body("totalDuty", equalTo(1690.00f));
    }

    @Test
    void roundsEachLineHalfUpToTheCentAndTotalsTheRoundedLines() {
        // 1234.56 x 2.6% = 32.09856 -> 32.10; 19.23 x 2.6% = 0.49998 -> 0.50; 0.19 x 2.6% = 0.00494 -> 0.00
        as(Tokens.finance("northwind"))
                .body("""
                        {"entryDate":"2025-06-01","lines":[
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
                .body("totalDuty", equalTo(2.60f));
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
    void opsMayNotQuote() {
        badlyAs(Tokens.ops("northwind"))
                .body("""
                        {"entryDate":"2026-03-02","lines":[{"htsCode":"8543.70.9960","originCountry":"MY","customsValue":1}]}""")
                .post("/api/duty-quotes")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }
}
