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
import io.rigledger.procurement.upstream.Catalogue;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
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

    @Inject
    Catalogue catalogue;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
        catalogue.forget();
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

    /** An order of one line, FOB by air into DAL1, entered 2026-12-15. */
    static String oneLine(String sku, int quantity, String unitPrice, String plant) {
        return order("FOB", "AIR", line(sku, plant, quantity, unitPrice));
    }

    static String order(String incoterm, String mode, String... lines) {
        return """
                {"supplier":"Bitmain","incoterm":"%s","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"%s","destinationSite":"DAL1","lines":[%s]}"""
                .formatted(incoterm, mode, String.join(",", lines));
    }

    static String line(String sku, String plant, int quantity, String unitPrice) {
        return """
                {"sku":"%s","plant":"%s","quantity":%d,"unitPrice":%s}""".formatted(sku, plant, quantity, unitPrice);
    }

    static String place(String org, String body) {
        return as(Tokens.operator(org)).body(body).post("/api/purchase-orders")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createsADraftWithTheStoredQuoteTheFeesSharedAndTheCostOfOneRig() {
        String org = newOrg();
        Response created = as(Tokens.operator(org))
                .body(order("FOB", "AIR", line("antminer-s21-xp", "BITMAIN-MY", 10, "5400.00"),
                        line("antminer-s21-pro", "BITMAIN-CN", 4, "3650.50")))
                .post("/api/purchase-orders");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("org", equalTo(org))
                .body("status", equalTo("DRAFT"))
                .body("incoterm", equalTo("FOB"))
                .body("transportMode", equalTo("AIR"))
                .body("destinationSite", equalTo("DAL1"))
                .body("expectedExportDate", equalTo("2026-11-01"))
                .body("version", equalTo(0))
                .body("createdBy", equalTo("operator-" + org))
                .body("lines[0].sku", equalTo("antminer-s21-xp"))
                .body("lines[0].modelName", equalTo("Antminer S21 XP"))
                .body("lines[0].manufacturer", equalTo("BITMAIN"))
                .body("lines[0].plant", equalTo("BITMAIN-MY"))
                .body("lines[0].originCountry", equalTo("MY"))
                .body("lines[1].originCountry", equalTo("CN"))
                .body("lines[0].customsValue", equalTo(new BigDecimal("54000.00")))
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("1404.00")))
                .body("lines[1].estimatedDuty", equalTo(new BigDecimal("379.65")))
                // MPF 0.3464% of 68,602.00 = 237.64, shared 54,000 : 14,602 by largest remainder
                .body("lines[0].estimatedFees", equalTo(new BigDecimal("187.06")))
                .body("lines[1].estimatedFees", equalTo(new BigDecimal("50.58")))
                .body("lines[0].perUnit.price", equalTo(new BigDecimal("5400.00")))
                .body("lines[0].perUnit.duty", equalTo(new BigDecimal("140.40")))
                .body("lines[0].perUnit.fees", equalTo(new BigDecimal("18.71")))
                .body("lines[0].perUnit.landedCost", equalTo(new BigDecimal("5559.11")))
                .body("lines[0].perUnit.landedCostPerThs", equalTo(new BigDecimal("20.59")))
                .body("lines[1].perUnit.duty", equalTo(new BigDecimal("94.91")))
                .body("lines[1].perUnit.fees", equalTo(new BigDecimal("12.65")))
                .body("lines[1].perUnit.landedCost", equalTo(new BigDecimal("3758.06")))
                .body("lines[1].perUnit.landedCostPerThs", equalTo(new BigDecimal("16.06")))
                .body("totalValue", equalTo(new BigDecimal("68602.00")))
                .body("dutyEstimate.status", equalTo("QUOTED"))
                .body("dutyEstimate.quoteId", notNullValue())
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("1783.65")))
                .body("dutyEstimate.totalFees", equalTo(new BigDecimal("237.64")))
                .body("dutyEstimate.total", equalTo(new BigDecimal("2021.29")))
                .body("dutyEstimate.source", equalTo("tariff-service"));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/purchase-orders/" + id));

        // one stored quote, asked on behalf of the order's organisation, with the order's dates and mode
        assertEquals(1, upstreams.quoteCalls());
        assertEquals(org, upstreams.quoteRequests().get(0).getHeader("X-On-Behalf-Of-Org"));
        JsonPath asked = JsonPath.from(upstreams.quoteRequests().get(0).getBodyAsString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("2026-12-15", asked.getString("entryDate"));
        assertEquals("2026-11-01", asked.getString("exportDate"));
        assertEquals("AIR", asked.getString("transportMode"));
        assertEquals("MY", asked.getString("lines[0].originCountry"));
        assertEquals(10, asked.getInt("lines[0].quantity"));
        assertEquals("8543.70.9860", asked.getString("lines[1].htsCode"));

        as(Tokens.finance(org)).get("/api/purchase-orders/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("dutyEstimate.quoteId", equalTo(created.path("dutyEstimate.quoteId")))
                .body("lines[1].estimatedFees", equalTo(new BigDecimal("50.58")))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void theLandedCostOfEveryRigAddsUpToItsLineAndTheLinesToTheOrder() {
        String org = newOrg();
        String id = place(org, order("FOB", "AIR", line("antminer-s21-xp", "BITMAIN-MY", 10, "5400.00"),
                line("antminer-s21-pro", "BITMAIN-CN", 4, "3650.50")));
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id + "/landed-cost").then().statusCode(200)
                .body("basis", equalTo("QUOTE"))
                .body("total.duty", equalTo(new BigDecimal("1783.65")))
                .body("total.fees", equalTo(new BigDecimal("237.64")))
                .body("total.landedCost", equalTo(new BigDecimal("70623.29")))
                // line 2: duty 379.65 over 4 rigs = 94.92 + 3 x 94.91; fees 50.58 = 2 x 12.65 + 2 x 12.64
                .body("lines[1].rigs.fromRig", equalTo(List.of(1, 2, 3)))
                .body("lines[1].rigs.toRig", equalTo(List.of(1, 2, 4)))
                .body("lines[1].rigs[0].each.duty", equalTo(new BigDecimal("94.92")))
                .body("lines[1].rigs[1].each.duty", equalTo(new BigDecimal("94.91")))
                .body("lines[1].rigs[1].each.fees", equalTo(new BigDecimal("12.65")))
                .body("lines[1].rigs[2].each.fees", equalTo(new BigDecimal("12.64")))
                .body("lines[1].rigs[2].each.landedCost", equalTo(new BigDecimal("3758.05")));
        badlyAs(Tokens.ops(newOrg())).get("/api/purchase-orders/" + id + "/landed-cost").then().statusCode(404);
    }

    @Test
    void underDdpTheSupplierPaysSoTheEstimateIsZeroWithTheReasonAndNoQuoteIsAsked() {
        as(Tokens.operator(newOrg())).body(order("DDP", "OCEAN", line("antminer-s21", "BITMAIN-CN", 5, "4000.00")))
                .post("/api/purchase-orders")
                .then().statusCode(201)
                .body("dutyEstimate.status", equalTo("SUPPLIER_PAYS"))
                .body("dutyEstimate.reason", containsString("DDP"))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("0.00")))
                .body("dutyEstimate.total", equalTo(new BigDecimal("0.00")))
                .body("dutyEstimate.quoteId", nullValue())
                .body("lines[0].perUnit.landedCost", equalTo(new BigDecimal("4000.00")))
                .body("lines[0].perUnit.landedCostPerThs", equalTo(new BigDecimal("20.00")));
        assertEquals(0, upstreams.quoteCalls());
    }

    @Test
    void theOriginIsThePlantsCountrySoRigsFromATexasPlantOweNothing() {
        as(Tokens.operator(newOrg())).body(order("EXW", "TRUCK", line("antminer-s21", "BITMAIN-US", 2, "4500.00")))
                .post("/api/purchase-orders")
                .then().statusCode(201)
                .body("lines[0].originCountry", equalTo("US"))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("0.00")))
                .body("dutyEstimate.totalFees", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void anUnknownOrRetiredSkuOrPlantOrAnotherMakersPlantIs400NamingTheLine() {
        String org = newOrg();
        badlyAs(Tokens.operator(org))
                .body(order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 1, "4000.00"),
                        line("antminer-s99", "BITMAIN-MY", 1, "9000.00"),
                        line("antminer-s21", "FOXCONN-MX", 1, "9000.00"),
                        line("antminer-s19", "BITMAIN-OLD", 1, "900.00"),
                        line("whatsminer-m60s", "BITMAIN-MY", 1, "3000.00")))
                .post("/api/purchase-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[1].sku", "lines[2].plant", "lines[3].sku", "lines[3].plant",
                        "lines[4].plant")))
                .body("detail", containsString("antminer-s99"))
                .body("detail", containsString("MICROBT"));
        assertEquals(0, upstreams.quoteCalls(), "no quote for an order that cannot be placed");
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
    }

    @Test
    void theCatalogueIsReadOncePerExpiryNotOncePerModelOrOrder() {
        String org = newOrg();
        for (int i = 0; i < 3; i++) {
            place(org, order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 1, "4000.00"),
                    line("avalon-a1466", "CANAAN-MY", 1, "2000.00"), line("whatsminer-m60s", "MICROBT-CN", 1, "2500.00")));
        }
        assertEquals(2, upstreams.modelCalls(), "one page of models and the plants, once");
    }

    @Test
    void anExportDateAfterTheEntryDateIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg()))
                .body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY").replace("2026-11-01", "2026-12-20"))
                .post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", equalTo(List.of("expectedExportDate")));
        assertEquals(0, upstreams.quoteCalls());
    }

    @Test
    void foreignOperatorGets404ForAnotherOrganisationsOrder() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"));
        badlyAs(Tokens.operator(newOrg())).get("/api/purchase-orders/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        badlyAs(Tokens.operator(org)).get("/api/purchase-orders/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void listShowsOnlyTheCallersOrganisationNewestFirstInPagesAndFiltered() {
        String org = newOrg();
        Instant before = Instant.now();
        String first = place(org, oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"));
        String second = place(org, oneLine("antminer-s21-xp", 2, "5400.00", "BITMAIN-TH").replace("Bitmain", "Bitmain TH"));
        String third = place(org, oneLine("whatsminer-m60s", 3, "2800.00", "MICROBT-CN"));
        place(newOrg(), oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"));
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + third + "/submit")
                .then().statusCode(200);

        Response page1 = as(Tokens.ops(org)).queryParam("limit", 2).get("/api/purchase-orders");
        page1.then().statusCode(200)
                .body("items.id", equalTo(List.of(third, second)))
                .body("items.org", everyItem(equalTo(org)))
                .body("items[0].lines[0].modelName", equalTo("Whatsminer M60S"))
                .body("nextCursor", notNullValue());
        as(Tokens.finance(org)).queryParam("limit", 2).queryParam("cursor", page1.<String>path("nextCursor"))
                .get("/api/purchase-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(first))).body("nextCursor", nullValue());

        as(Tokens.ops(org)).queryParam("status", "SUBMITTED").get("/api/purchase-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(third)));
        as(Tokens.ops(org)).queryParam("supplier", "Bitmain TH").get("/api/purchase-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(second)));
        as(Tokens.ops(org)).queryParam("origin", "CN").get("/api/purchase-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(third)));
        as(Tokens.ops(org)).queryParam("createdFrom", before.toString()).queryParam("status", "DRAFT")
                .queryParam("createdTo", Instant.now().plusSeconds(60).toString()).get("/api/purchase-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(second, first)));
        as(Tokens.ops(org)).queryParam("createdTo", before.toString()).get("/api/purchase-orders")
                .then().statusCode(200).body("items", empty());
        badlyAs(Tokens.ops(org)).queryParam("status", "LOST").get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        badlyAs(Tokens.ops(org)).queryParam("createdFrom", "yesterday").get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("createdFrom"));
        as(Tokens.operator(newOrg())).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
    }

    @Test
    void financeAndOpsCannotCreateOrdersAndATokenWithoutAnOrganisationIs403() {
        String org = newOrg();
        badlyAs(Tokens.finance(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders").then().statusCode(403).contentType("application/problem+json");
        badlyAs(Tokens.ops(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders").then().statusCode(403).contentType("application/problem+json");
        badlyAs(Tokens.user("drifter", null, "operator")).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders")
                .then().statusCode(403).body("detail", containsString("organisation"));
        badlyAs(null).get("/api/purchase-orders").then().statusCode(401).contentType("application/problem+json");
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void malformedAndInvalidBodiesAre400NamingEachFieldAndNothingIsStored() {
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body("{\"supplier\":\"Bitmain\",\"lines\":[{\"sku\":")
                .post("/api/purchase-orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("com.fasterxml"))).body(not(containsString("at io.")));
        badlyAs(Tokens.operator(org))
                .body("""
                        {"supplier":"","incoterm":"FOO","expectedEntryDate":"2026-12-15","transportMode":"SHIP",
                         "destinationSite":"dal1","lines":[
                          {"sku":"antminer-s21","plant":"bitmain-my","quantity":0,"unitPrice":4000.00},
                          {"sku":"Antminer S21","plant":"BITMAIN-MY","quantity":1,"unitPrice":1.005,"usContentPercent":101,"htsCode":"8543"}]}""")
                .post("/api/purchase-orders")
                .then().statusCode(400)
                .body("violations.field", hasItem("supplier"))
                .body("violations.field", hasItem("incoterm"))
                .body("violations.field", hasItem("transportMode"))
                .body("violations.field", hasItem("destinationSite"))
                .body("violations.field", hasItem("lines[0].plant"))
                .body("violations.field", hasItem("lines[0].quantity"))
                .body("violations.field", hasItem("lines[1].sku"))
                .body("violations.field", hasItem("lines[1].unitPrice"))
                .body("violations.field", hasItem("lines[1].usContentPercent"))
                .body("violations.field", hasItem("lines[1].htsCode"));
        badlyAs(Tokens.operator(org)).body("{}").post("/api/purchase-orders")
                .then().statusCode(400).body("violations.field", hasItem("lines")).body("violations.field", hasItem("incoterm"));
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY").replace("\"supplier\"", "\"discount\":5,\"supplier\""))
                .post("/api/purchase-orders").then().statusCode(400).body("violations.field", hasItem("discount"));
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void badIdsLimitsAndCursorsAre400NamingThem() {
        String org = newOrg();
        badlyAs(Tokens.operator(org)).get("/api/purchase-orders/not-a-uuid")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
        badlyAs(Tokens.operator(org)).queryParam("limit", 0).get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        badlyAs(Tokens.operator(org)).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/purchase-orders")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        as(Tokens.operator(org)).queryParam("limit", 1000).get("/api/purchase-orders")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
