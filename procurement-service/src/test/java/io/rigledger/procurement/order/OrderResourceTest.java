package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Placing, reading and listing orders, with tariff-service and inventory-service faked over HTTP. */
@QuarkusTest
class OrderResourceTest {

    static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @AfterEach
    void everyExchangeWithTheNeighboursKeptTheirContracts() {
        assertEquals(List.of(), upstreams.contractBreaches());
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    static RequestSpecification as(String token) {
        return given().config(DECIMALS).filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** For deliberately bad requests: only the answer is checked against the contract. */
    static RequestSpecification badlyAs(String token) {
        RequestSpecification spec = given().config(DECIMALS).filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    static String oneLine(String model, int quantity, String unitPrice, String origin) {
        return """
                {"supplier":"Bitmain","expectedEntryDate":"2026-12-15","lines":[
                  {"model":"%s","quantity":%d,"unitPrice":%s,"originCountry":"%s"}]}"""
                .formatted(model, quantity, unitPrice, origin);
    }

    static String place(String org, String body) {
        return as(Tokens.operator(org)).body(body).post("/api/purchase-orders")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createsOrderWithTheTariffServicesEstimate() {
        // tariff-service's own figures (MFN + Section 301 on the China line), taken as quoted, not recomputed
        upstreams.quoteAnswers("""
                {"id":"0b6f1c7e-3f9a-4a53-9d55-2f2e1f0a9c11","entryDate":"2026-12-15","currency":"USD",
                 "quotedAt":"2026-11-28T10:15:30Z","scheduleVersion":1,"totalCustomsValue":68602.00,"lines":[
                  {"lineNumber":1,"htsCode":"8543.70.9860","originCountry":"MY","customsValue":54000.00,"quantity":10,
                   "parts":[{"kind":"WHOLE","basis":54000.00,"dutyAmount":1404.00,"layers":[
                     {"measureId":2,"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"basis":54000.00,"amount":1404.00,
                      "refundable":false,"drawbackEligible":true,"legalReference":"HTSUS","confirmed":true,"inTransit":false}]}],
                   "dutyAmount":1404.00},
                  {"lineNumber":2,"htsCode":"8543.70.9860","originCountry":"CN","customsValue":14602.00,"quantity":4,
                   "parts":[{"kind":"WHOLE","basis":14602.00,"dutyAmount":4030.15,"layers":[
                     {"measureId":2,"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"basis":14602.00,"amount":379.65,
                      "refundable":false,"drawbackEligible":true,"legalReference":"HTSUS","confirmed":true,"inTransit":false},
                     {"measureId":3,"program":"SECTION_301","heading":"9903.88.02","ratePercent":25,"basis":14602.00,
                      "amount":3650.50,"refundable":false,"drawbackEligible":true,"legalReference":"83 FR 40823",
                      "confirmed":true,"inTransit":false}]}],
                   "dutyAmount":4030.15}],
                 "fees":[],"totalDuty":5434.15,"totalFees":0.00,"total":5434.15,"refundableDuty":0.00}""");
        String org = newOrg();

        Response created = as(Tokens.operator(org))
                .body("""
                        {"supplier":"Bitmain","expectedEntryDate":"2026-12-15","lines":[
                          {"model":"antminer-s21-xp","quantity":10,"unitPrice":5400.00,"originCountry":"MY"},
                          {"model":"antminer-s21-pro","quantity":4,"unitPrice":3650.50,"originCountry":"CN","htsCode":"8543.70.9860"}]}""")
                .post("/api/purchase-orders");
        created.then().statusCode(201)
                .body("org", equalTo(org))
                .body("status", equalTo("PLACED"))
                .body("currency", equalTo("USD"))
                .body("supplier", equalTo("Bitmain"))
                .body("expectedEntryDate", equalTo("2026-12-15"))
                .body("createdBy", equalTo("operator-" + org))
                .body("lines", hasSize(2))
                .body("lines[0].lineNumber", equalTo(1))
                .body("lines[0].model", equalTo("antminer-s21-xp"))
                .body("lines[0].modelName", equalTo("Antminer S21 XP"))
                .body("lines[0].hashrateThs", equalTo(270))
                .body("lines[0].htsCode", equalTo("8543.70.9860"))
                .body("lines[0].unitPrice", equalTo(new BigDecimal("5400.00")))
                .body("lines[0].customsValue", equalTo(new BigDecimal("54000.00")))
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("1404.00")))
                .body("lines[1].lineNumber", equalTo(2))
                .body("lines[1].modelName", equalTo("Antminer S21 Pro"))
                .body("lines[1].customsValue", equalTo(new BigDecimal("14602.00")))
                .body("lines[1].estimatedDuty", equalTo(new BigDecimal("4030.15")))
                .body("totalValue", equalTo(new BigDecimal("68602.00")))
                .body("dutyEstimate.entryDate", equalTo("2026-12-15"))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("5434.15")))
                .body("dutyEstimate.quotedAt", equalTo("2026-11-28T10:15:30Z"))
                .body("dutyEstimate.source", equalTo("tariff-service"));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/purchase-orders/" + id));

        // what tariff-service was asked: one quote line per order line, the default HTS code filled in
        JsonPath asked = JsonPath.from(upstreams.quoteRequests().get(0).getBodyAsString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("2026-12-15", asked.getString("entryDate"));
        assertEquals(2, asked.getList("lines").size());
        assertEquals("8543.70.9860", asked.getString("lines[0].htsCode"));
        assertEquals("MY", asked.getString("lines[0].originCountry"));
        assertEquals(new BigDecimal("54000.00"), asked.get("lines[0].customsValue"));
        assertEquals("CN", asked.getString("lines[1].originCountry"));
        assertEquals(new BigDecimal("14602.00"), asked.get("lines[1].customsValue"));
        assertEquals(2, upstreams.modelCalls(), "each distinct model is looked up once");

        // stored as answered
        as(Tokens.finance(org)).get("/api/purchase-orders/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("lines[1].estimatedDuty", equalTo(new BigDecimal("4030.15")))
                .body("lines[1].hashrateThs", equalTo(234))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("5434.15")))
                .body("dutyEstimate.quotedAt", equalTo("2026-11-28T10:15:30Z"))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void customsValueIsQuantityTimesUnitPriceExactToTheCent() {
        String org = newOrg();
        // 3 x 0.10 is 0.30 (not 0.30000000000000004); 99999 x 99999999.99 keeps every cent
        as(Tokens.operator(org))
                .body("""
                        {"supplier":"Canaan","expectedEntryDate":"2026-12-15","lines":[
                          {"model":"avalon-a1466","quantity":3,"unitPrice":0.10,"originCountry":"MY"},
                          {"model":"avalon-a1466","quantity":99999,"unitPrice":99999999.99,"originCountry":"US"},
                          {"model":"antminer-s21","quantity":7,"unitPrice":1234.5,"originCountry":"TH"}]}""")
                .post("/api/purchase-orders")
                .then().statusCode(201)
                .body("lines[0].customsValue", equalTo(new BigDecimal("0.30")))
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("0.01"))) // 0.30 x 2.6% = 0.0078 -> 0.01 (tariff's HALF_UP)
                .body("lines[1].customsValue", equalTo(new BigDecimal("9999899999000.01")))
                .body("lines[1].estimatedDuty", equalTo(new BigDecimal("0.00"))) // made in the US: no duty
                .body("lines[2].unitPrice", equalTo(new BigDecimal("1234.50")))
                .body("lines[2].customsValue", equalTo(new BigDecimal("8641.50")))
                .body("lines[2].estimatedDuty", equalTo(new BigDecimal("224.68"))) // 224.679 -> 224.68
                .body("totalValue", equalTo(new BigDecimal("9999900007641.81")))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("224.69")));
        assertEquals(2, upstreams.modelCalls(), "two distinct models, looked up once each");
    }

    @Test
    void foreignOperatorGets404ForAnotherOrganisationsOrder() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 1, "4000.00", "MY"));

        badlyAs(Tokens.operator(newOrg())).get("/api/purchase-orders/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        badlyAs(Tokens.operator(org)).get("/api/purchase-orders/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void listShowsOnlyTheCallersOrganisationNewestFirstInPages() {
        String org = newOrg();
        String first = place(org, oneLine("antminer-s21", 1, "4000.00", "MY"));
        String second = place(org, oneLine("antminer-s21-xp", 2, "5400.00", "TH"));
        String third = place(org, oneLine("whatsminer-m60s", 3, "2800.00", "CN"));
        place(newOrg(), oneLine("antminer-s21", 1, "4000.00", "MY"));

        Response page1 = as(Tokens.ops(org)).queryParam("limit", 2).get("/api/purchase-orders");
        page1.then().statusCode(200)
                .body("items.id", equalTo(List.of(third, second)))
                .body("items.org", everyItem(equalTo(org)))
                .body("items[0].lines[0].model", equalTo("whatsminer-m60s"))
                .body("items[0].lines[0].modelName", equalTo("Whatsminer M60S"))
                .body("items[1].lines[0].quantity", equalTo(2))
                .body("nextCursor", notNullValue());

        as(Tokens.finance(org)).queryParam("limit", 2).queryParam("cursor", page1.<String>path("nextCursor"))
                .get("/api/purchase-orders")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first)))
                .body("items[0].lines", hasSize(1))
                .body("nextCursor", nullValue());

        as(Tokens.operator(org)).get("/api/purchase-orders")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(third, second, first)))
                .body("nextCursor", nullValue());
        as(Tokens.operator(newOrg())).get("/api/purchase-orders")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void financeCannotCreateOrders() {
        String org = newOrg();
        badlyAs(Tokens.finance(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(403).contentType("application/problem+json");
        badlyAs(Tokens.ops(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void aTokenWithoutAnOrganisationIs403() {
        badlyAs(Tokens.user("drifter", null, "operator")).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("organisation"));
        badlyAs(Tokens.user("drifter", null, "ops")).get("/api/purchase-orders")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void noTokenIs401() {
        badlyAs(null).body(oneLine("antminer-s21", 1, "4000.00", "MY")).post("/api/purchase-orders")
                .then().statusCode(401).contentType("application/problem+json");
        badlyAs(null).get("/api/purchase-orders").then().statusCode(401).contentType("application/problem+json");
        badlyAs(Tokens.expired(newOrg(), "operator")).get("/api/purchase-orders/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemAndNothingIsStored() {
        String org = newOrg();
        badlyAs(Tokens.operator(org))
                .body("{\"supplier\":\"Bitmain\",\"expectedEntryDate\":\"2026-12-15\",\"lines\":[{\"model\":")
                .post("/api/purchase-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", nullValue())
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("at io.")));
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void constraintViolationsAre400NamingEachField() {
        badlyAs(Tokens.operator(newOrg()))
                .body("""
                        {"supplier":"","expectedEntryDate":"2026-12-15","lines":[
                          {"model":"antminer-s21","quantity":0,"unitPrice":4000.00,"originCountry":"china"},
                          {"model":"Antminer S21","quantity":1,"unitPrice":1.005,"originCountry":"MY","htsCode":"8543"}]}""")
                .post("/api/purchase-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("supplier"))
                .body("violations.field", hasItem("lines[0].quantity"))
                .body("violations.field", hasItem("lines[0].originCountry"))
                .body("violations.field", hasItem("lines[1].model"))
                .body("violations.field", hasItem("lines[1].unitPrice"))
                .body("violations.field", hasItem("lines[1].htsCode"))
                .body("detail", containsString("lines[0].quantity"));
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void missingFieldsWrongTypesAndUnknownPropertiesAre400() {
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body("{}").post("/api/purchase-orders")
                .then().statusCode(400)
                .body("violations.field", hasItem("supplier"))
                .body("violations.field", hasItem("expectedEntryDate"))
                .body("violations.field", hasItem("lines"));
        badlyAs(Tokens.operator(org)).body("""
                        {"supplier":"Bitmain","expectedEntryDate":"2026-12-15","lines":[]}""")
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("lines"));
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY").replace("\"quantity\":1", "\"quantity\":1.5"))
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("lines[0].quantity"));
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "\"cheap\"", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("lines[0].unitPrice"));
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY").replace("\"supplier\"", "\"discount\":5,\"supplier\""))
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("discount"));
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY").replace("2026-12-15", "15/12/2026"))
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("expectedEntryDate"));
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void badIdsLimitsAndCursorsAre400NamingThem() {
        String org = newOrg();
        badlyAs(Tokens.operator(org)).get("/api/purchase-orders/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
        badlyAs(Tokens.operator(org)).queryParam("limit", 0).get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        badlyAs(Tokens.operator(org)).queryParam("limit", "ten").get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        badlyAs(Tokens.operator(org)).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        badlyAs(Tokens.operator(org)).queryParam("limit", 5000).get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        as(Tokens.operator(org)).queryParam("limit", 1000).get("/api/purchase-orders")
                .then().statusCode(200).body("items", empty());
    }
}
