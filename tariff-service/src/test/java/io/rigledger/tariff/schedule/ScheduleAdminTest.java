package io.rigledger.tariff.schedule;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin changes the schedule: every change is checked, kept with who/when/why, and quoted at once. */
@QuarkusTest
class ScheduleAdminTest {

    static final AtomicInteger PREFIXES = new AtomicInteger(10);

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A prefix no other test uses: 8486.xx. */
    static String freshPrefix() {
        return "8486." + PREFIXES.incrementAndGet();
    }

    static String measure(String prefix, String countries, String rate, String from, String to, String reason) {
        return """
                {"program":"SECTION_232","heading":"9903.79.01","htsPrefix":"%s","originCountries":[%s],"ratePercent":%s,
                 "effectiveFrom":"%s"%s,"legalReference":"test proclamation","confirmed":true,"refundable":false,
                 "drawbackEligible":false,"nonUsContentOnly":false,"reason":"%s"}"""
                .formatted(prefix, countries, rate, from, to == null ? "" : ",\"effectiveTo\":\"" + to + "\"", reason);
    }

    static int quoteStatus(String hts, String entry) {
        return as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"" + entry + "\",\"lines\":[{\"htsCode\":\"" + hts + "\",\"originCountry\":\"CN\",\"customsValue\":1000}]}")
                .post("/api/duty-quotes").then().extract().statusCode();
    }

    @Test
    void aCreatedMeasureIsQuotedAtOnceAndItsCreationIsInTheHistory() {
        String prefix = freshPrefix();
        assertEquals(422, quoteStatus(prefix, "2026-03-10"));
        long id = as(Tokens.admin()).body(measure(prefix, "\"CN\"", "25", "2026-01-15", null, "proclamation of 2026-01-14"))
                .post("/api/duty-rates").then().statusCode(201)
                .body("program", equalTo("SECTION_232")).body("originCountries", contains("CN"))
                .extract().jsonPath().getLong("id");
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-10\",\"lines\":[{\"htsCode\":\"" + prefix + "\",\"originCountry\":\"CN\",\"customsValue\":1000}]}")
                .post("/api/duty-quotes").then().statusCode(201)
                .body("lines[0].parts[0].layers.measureId", contains((int) id))
                .body("totalDuty", equalTo(250.00f));
        as(Tokens.finance("northwind")).get("/api/duty-rates/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE"))
                .body("items[0].changedBy", equalTo("ada"))
                .body("items[0].reason", equalTo("proclamation of 2026-01-14"))
                .body("items[0].state.ratePercent", equalTo(25));
    }

    @Test
    void anOverlappingWindowForTheSameProgramPrefixAndOriginIs409() {
        String prefix = freshPrefix();
        as(Tokens.admin()).body(measure(prefix, "\"CN\",\"MY\"", "25", "2026-01-15", "2026-06-01", "first"))
                .post("/api/duty-rates").then().statusCode(201);
        as(Tokens.admin()).body(measure(prefix, "\"MY\"", "10", "2026-05-31", null, "overlaps one day"))
                .post("/api/duty-rates").then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("effectiveFrom"));
        as(Tokens.admin()).body(measure(prefix, "", "10", "2026-03-01", null, "every origin overlaps too"))
                .post("/api/duty-rates").then().statusCode(409);
        as(Tokens.admin()).body(measure(prefix, "\"MY\"", "10", "2026-06-01", null, "the day after"))
                .post("/api/duty-rates").then().statusCode(201);
        as(Tokens.admin()).body(measure(prefix, "\"TH\"", "10", "2026-03-01", null, "another origin"))
                .post("/api/duty-rates").then().statusCode(201);
    }

    @Test
    void aMeasureWhosePrefixIsInsideAnotherOfTheSameProgramIs409SoNoLineCarriesAProgramTwice() {
        String prefix = freshPrefix();
        as(Tokens.admin()).body(measure(prefix, "\"CN\"", "25", "2026-01-15", null, "broad"))
                .post("/api/duty-rates").then().statusCode(201);
        as(Tokens.admin()).body(measure(prefix + ".98", "\"CN\"", "25", "2026-02-01", null, "narrower, same program"))
                .post("/api/duty-rates").then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("effectiveFrom"))
                .body("violations[0].message", containsString("SECTION_232 twice"));
        String narrow = freshPrefix() + ".98";
        as(Tokens.admin()).body(measure(narrow, "\"CN\"", "25", "2026-01-15", null, "narrow first"))
                .post("/api/duty-rates").then().statusCode(201);
        as(Tokens.admin()).body(measure(narrow.substring(0, 7), "\"CN\"", "25", "2026-01-15", null, "then the broader one"))
                .post("/api/duty-rates").then().statusCode(409);
        as(Tokens.admin()).body(measure(prefix + ".98", "\"MY\"", "25", "2026-02-01", null, "another origin is fine"))
                .post("/api/duty-rates").then().statusCode(201);
    }

    @Test
    void supersedeClosesTheOldMeasureAndOpensItsSuccessorInOneStep() {
        String prefix = freshPrefix();
        long old = as(Tokens.admin()).body(measure(prefix, "\"CN\"", "25", "2026-01-15", null, "original"))
                .post("/api/duty-rates").then().statusCode(201).extract().jsonPath().getLong("id");
        long next = as(Tokens.admin()).body(measure(prefix, "\"CN\"", "50", "2026-04-01", null, "doubled from April"))
                .post("/api/duty-rates/" + old + "/supersede").then().statusCode(201)
                .body("closed.effectiveTo", equalTo("2026-04-01"))
                .body("successor.effectiveFrom", equalTo("2026-04-01"))
                .extract().jsonPath().getLong("successor.id");
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-03-31\",\"lines\":[{\"htsCode\":\"" + prefix + "\",\"originCountry\":\"CN\",\"customsValue\":1000}]}")
                .post("/api/duty-quotes").then().statusCode(201).body("totalDuty", equalTo(250.00f));
        as(Tokens.operator("northwind"))
                .body("{\"entryDate\":\"2026-04-01\",\"lines\":[{\"htsCode\":\"" + prefix + "\",\"originCountry\":\"CN\",\"customsValue\":1000}]}")
                .post("/api/duty-quotes").then().statusCode(201).body("totalDuty", equalTo(500.00f));
        as(Tokens.ops("northwind")).get("/api/duty-rates/" + old + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "CLOSE"))
                .body("items[1].reason", equalTo("doubled from April"));
        as(Tokens.ops("northwind")).get("/api/duty-rates/" + next + "/history").then().statusCode(200)
                .body("items.action", contains("SUPERSEDE"));
        as(Tokens.admin()).body(measure(prefix, "\"CN\"", "60", "2026-01-01", null, "cut before the start"))
                .post("/api/duty-rates/" + next + "/supersede").then().statusCode(400)
                .body("violations[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void aCorrectionNeedsTheCurrentVersionAndIsKept() {
        String prefix = freshPrefix();
        long id = as(Tokens.admin()).body(measure(prefix, "\"CN\"", "25", "2026-01-15", null, "original"))
                .post("/api/duty-rates").then().statusCode(201).extract().jsonPath().getLong("id");
        String corrected = measure(prefix, "\"CN\"", "20", "2026-01-15", null, "typo in the rate")
                .replace("\"reason\"", "\"version\":0,\"reason\"");
        as(Tokens.admin()).body(corrected).put("/api/duty-rates/" + id).then().statusCode(200)
                .body("ratePercent", equalTo(20)).body("version", equalTo(1));
        as(Tokens.admin()).body(corrected).put("/api/duty-rates/" + id).then().statusCode(409)
                .body("violations[0].field", equalTo("version"));
        as(Tokens.ops("northwind")).get("/api/duty-rates/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATE", "CORRECT"))
                .body("items[1].reason", equalTo("typo in the rate"))
                .body("items[1].state.ratePercent", equalTo(20));
    }

    @Test
    void anUnknownProgramIs400NamingIt() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(measure(freshPrefix(), "\"CN\"", "25", "2026-01-15", null, "x").replace("SECTION_232", "SECTION_999"))
                .post("/api/duty-rates").then().statusCode(400)
                .body("violations[0].field", equalTo("program"))
                .body("violations[0].message", containsString("SECTION_122"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator", "finance", "ops", "service"})
    void nonAdminsReadOnly(String role) {
        String token = "service".equals(role) ? Tokens.service("procurement-service") : Tokens.user(role + "-x", "northwind", role);
        String body = measure(freshPrefix(), "\"CN\"", "25", "2026-01-15", null, "not mine to make");
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/duty-rates").then().statusCode(403).contentType("application/problem+json");
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/duty-rates/1/supersede").then().statusCode(403);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/duty-rates/1").then().statusCode(403);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).get("/api/duty-rates/1").then().statusCode(200);
        given().filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON).body(body)
                .post("/api/duty-rates").then().statusCode(401);
    }
}
