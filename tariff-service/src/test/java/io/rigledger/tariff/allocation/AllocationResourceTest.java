package io.rigledger.tariff.allocation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;

/** GET /api/entries/{id}/allocation per line and per rig; manual shares that do not add up and a zero basis are 400. */
@QuarkusTest
class AllocationResourceTest {

    static final String PO = "7b1f0c3e-2a4d-4c5e-8f9a-0b1c2d3e4f50";

    static String orderLine(int line, int quantity, String value, String extra) {
        String serials = IntStream.rangeClosed(1, quantity).mapToObj(i -> "\"SN-%d-%02d\"".formatted(line, i))
                .collect(Collectors.joining(","));
        return "{\"purchaseOrderId\":\"%s\",\"lineNumber\":%d,\"entryLine\":1,\"value\":%s,\"quantity\":%d,\"serialNumbers\":[%s]%s}"
                .formatted(PO, line, value, quantity, serials, extra);
    }

    /** One line of 21 rigs declaring MFN 1,000.00 and no fees, over the given order lines. */
    static String entry(String method, String orderLines) {
        return """
                {"entryNumber":"A%02d-%07d-1","entryType":"01","entryDate":"2025-01-10","portCode":"2704","transportMode":"AIR",
                 "importer":"Northwind","allocationMethod":"%s",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":38461.54,"quantity":21,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":1000.00}]}],
                 "orderLines":[%s]}""".formatted((int) (Math.random() * 100), (int) (Math.random() * 9_999_999), method, orderLines);
    }

    static String org() {
        return "a-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aThousandByQuantityOverLinesOfSixSixThreeAndSixRigsIsExactPerLineAndPerRig() {
        String org = org();
        String lines = String.join(",", orderLine(1, 6, "1.00", ""), orderLine(2, 6, "1.00", ""), orderLine(3, 3, "1.00", ""),
                orderLine(4, 6, "1.00", ""));
        String id = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("QUANTITY", lines))).post("/api/entries").then().statusCode(201).extract().path("id");
        var answer = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.operator(org))
                .get("/api/entries/" + id + "/allocation").then().statusCode(200)
                .body("method", equalTo("QUANTITY"))
                .body("total", equalTo(1000.00f))
                .body("lines.total", equalTo(List.of(285.72f, 285.71f, 142.86f, 285.71f)))
                .body("lines[0].rigs.amount", equalTo(List.of(47.62f, 47.62f, 47.62f, 47.62f, 47.62f, 47.62f)))
                .body("lines[1].rigs.amount", equalTo(List.of(47.62f, 47.62f, 47.62f, 47.62f, 47.62f, 47.61f)))
                .body("lines[1].rigs[5].serialNumber", equalTo("SN-2-06"))
                .extract().jsonPath();
        double sum = answer.getList("lines.rigs.flatten().amount", Float.class).stream().mapToDouble(f -> Math.round(f * 100)).sum();
        assertEqualsCents(100_000, sum);
    }

    @Test
    void byValueByDefaultAndManualSharesThatAddUpAreTakenAsGiven() {
        String org = org();
        String byValue = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("VALUE", String.join(",", orderLine(1, 1, "1.00", ""), orderLine(2, 2, "2.00", "")))))
                .post("/api/entries").then().statusCode(201).extract().path("id");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/entries/" + byValue + "/allocation")
                .then().statusCode(200).body("lines.total", equalTo(List.of(333.33f, 666.67f)));
        String manual = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("MANUAL", String.join(",", orderLine(1, 1, "1.00", ",\"manualShare\":900.00"),
                        orderLine(2, 2, "2.00", ",\"manualShare\":100.00")))))
                .post("/api/entries").then().statusCode(201).extract().path("id");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/entries/" + manual + "/allocation")
                .then().statusCode(200).body("lines.total", equalTo(List.of(900.00f, 100.00f)))
                .body("lines[1].rigs.amount", equalTo(List.of(50.00f, 50.00f)));
    }

    @Test
    void manualSharesThatDoNotAddUpAndAZeroBasisAre400AndNothingIsFiled() {
        String org = org();
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("MANUAL", String.join(",", orderLine(1, 1, "1.00", ",\"manualShare\":900.00"),
                        orderLine(2, 2, "2.00", ",\"manualShare\":99.99")))))
                .post("/api/entries").then().statusCode(400).body("violations.field", hasItem("orderLines"));
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("VALUE", String.join(",", orderLine(1, 1, "0.00", ""), orderLine(2, 2, "0", "")))))
                .post("/api/entries").then().statusCode(400).body("violations.field", hasItem("orderLines"));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/entries")
                .then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void manualSharesTheLinesCannotGiveAre400NamingTheShareAndSharesTheyCanGiveAreExact() {
        String org = org();
        String twoLines = """
                {"entryNumber":"M%02d-%07d-1","entryType":"01","entryDate":"2025-01-10","portCode":"2704","transportMode":"AIR",
                 "importer":"Northwind","allocationMethod":"MANUAL",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":384.62,"quantity":1,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":10.00}]},
                  {"htsCode":"8543.70.9860","originCountry":"MY","customsValue":3461.54,"quantity":1,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":90.00}]}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":1.00,"quantity":1,"manualShare":%s},
                  {"purchaseOrderId":"%s","lineNumber":2,"entryLine":2,"value":1.00,"quantity":1,"manualShare":%s}]}""";
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, twoLines.formatted((int) (Math.random() * 100), (int) (Math.random() * 9_999_999), PO, "90.00", PO, "10.00")))
                .post("/api/entries").then().statusCode(400)
                .body("violations.field", equalTo(List.of("orderLines[0].manualShare", "orderLines[1].manualShare")));
        String id = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, twoLines.formatted((int) (Math.random() * 100), (int) (Math.random() * 9_999_999), PO, "10.00", PO, "90.00")))
                .post("/api/entries").then().statusCode(201).extract().path("id");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/entries/" + id + "/allocation")
                .then().statusCode(200).body("lines.total", equalTo(List.of(10.00f, 90.00f)));
    }

    @Test
    void fourLayersOfACentOverTwoEqualLinesGiveEachLineTwoCentsAndEachRigItsDutyAndFees() {
        // each layer rounded on its own gave every leftover cent to line 1: 0.04 and 0.00 (issue 9)
        String org = org();
        String body = """
                {"entryNumber":"C%02d-%07d-1","entryType":"01","entryDate":"2025-01-10","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":0.40,"quantity":2,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":0.01},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","ratePercent":19,"amount":0.01}]}],
                 "fees":[{"type":"MPF","amount":0.01},{"type":"HMF","amount":0.01}],
                 "orderLines":[%s,%s]}""".formatted((int) (Math.random() * 100), (int) (Math.random() * 9_999_999),
                orderLine(1, 1, "0.20", ""), orderLine(2, 1, "0.20", ""));
        String id = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, body)).post("/api/entries").then().statusCode(201).extract().path("id");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/entries/" + id + "/allocation")
                .then().statusCode(200)
                .body("total", equalTo(0.04f))
                .body("lines.total", equalTo(List.of(0.02f, 0.02f)))
                .body("lines.rigs.flatten().amount", equalTo(List.of(0.02f, 0.02f)))
                .body("lines.duty", equalTo(List.of(0.01f, 0.01f)))
                .body("lines.fees", equalTo(List.of(0.01f, 0.01f)))
                .body("lines.rigs.flatten().duty", equalTo(List.of(0.01f, 0.01f)))
                .body("lines.rigs.flatten().fees", equalTo(List.of(0.01f, 0.01f)));
    }

    private static void assertEqualsCents(double expected, double actual) {
        assertEquals(expected, actual, 0.0);
    }
}
