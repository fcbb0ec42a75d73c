package io.rigledger.tariff.reconciliation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reconciliation: totals are the sums of the rows; the CSV parsed back equals the JSON; formula injection is neutralised. */
@QuarkusTest
class ReconciliationTest {

    static final String PO = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

    static String entry(String number, String manufacturer, String reciprocal, String quoteId) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"2025-09-15","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind Mining LLC",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":100000.00,"quantity":2,"manufacturer":"%s",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":2600.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","ratePercent":19,"amount":%s}]}],
                 "fees":[{"type":"MPF","amount":346.40},{"type":"HMF","amount":125.00}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":100000.00,"quantity":2,
                                "quoteId":"%s","quoteLineNumber":1}]}""".formatted(number, manufacturer, reciprocal, PO, quoteId);
    }

    /** Files two entries of one organisation, one by a maker whose name starts with "=", both estimated by a stored quote. */
    static String organisationWithTwoEntries() {
        String org = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String quote = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body("""
                        {"entryDate":"2025-09-15","transportMode":"OCEAN","lines":[{"htsCode":"8543.70.9860","originCountry":"MY",
                         "customsValue":100000.00,"quantity":2}]}""")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        String first = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("R01-0000001-1", "=HYPERLINK(\\\"http://x\\\")", "18987.50", quote))).post("/api/entries")
                .then().statusCode(201).extract().path("id");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body("{\"amount\":22058.90,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}")
                .post("/api/entries/" + first + "/payments").then().statusCode(200).body("status", equalTo("PAID"));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry("R01-0000002-2", "Bitmain", "19000.00", quote))).post("/api/entries").then().statusCode(201);
        return org;
    }

    @Test
    void theTotalsAreTheSumsOfTheRowsAndANegativeVarianceStaysANumber() {
        String org = organisationWithTwoEntries();
        JsonPath json = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.operator(org))
                .get("/api/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=manufacturer")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("rows");
        for (String column : List.of("estimated", "declared", "paid", "billed", "refunded", "variance")) {
            BigDecimal sum = rows.stream().map(r -> new BigDecimal(r.get(column).toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(json.getString("totals." + column))), column);
        }
        Map<String, Object> odd = rows.stream().filter(r -> r.get("group").equals("=HYPERLINK(\"http://x\")")
                && r.get("heading").equals("9903.02.39")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal(odd.get("variance").toString()).compareTo(new BigDecimal("-12.50")));
        assertEquals(0, new BigDecimal(odd.get("paid").toString()).compareTo(new BigDecimal("18987.50")));
        // two entries estimated by the same quote: 2,600.00 MFN + 19,000.00 reciprocal + 346.40 MPF + 125.00 HMF each
        assertEquals(0, new BigDecimal(json.getString("totals.estimated")).compareTo(new BigDecimal("44142.80")));
        Map<String, Object> mpf = rows.stream().filter(r -> r.get("group").equals("Bitmain") && r.get("program").equals("MPF"))
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal(mpf.get("estimated").toString()).compareTo(new BigDecimal("346.40")));
    }

    @Test
    void theCsvParsedBackEqualsTheJsonWithTheFormulaNeutralisedAndTheReasonShown() throws IOException {
        String org = organisationWithTwoEntries();
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body("""
                        {"groupBy":"entry","group":"R01-0000001-1","program":"IEEPA_RECIPROCAL","heading":"9903.02.39",
                         "reason":"broker rounded the reciprocal layer, \\"see\\" note"}""")
                .put("/api/reconciliation/reasons").then().statusCode(200).body("setBy", equalTo("finance-" + org));
        for (String groupBy : List.of("order", "shipment", "entry", "origin", "program", "manufacturer")) {
            String query = "/api/reconciliation?from=2025-09-15&to=2025-09-15&groupBy=" + groupBy;
            JsonPath json = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get(query)
                    .then().statusCode(200).extract().jsonPath();
            String csv = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).accept("text/csv").get(query)
                    .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
            List<CSVRecord> records;
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
                assertEquals(List.of(ReconciliationRow.HEADER), parser.getHeaderNames());
                records = parser.getRecords();
            }
            List<Map<String, Object>> rows = json.getList("rows");
            assertEquals(rows.size(), records.size(), groupBy);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                CSVRecord record = records.get(i);
                for (String text : List.of("group", "program", "heading")) {
                    assertEquals(CsvCells.text((String) row.get(text)), record.get(text), groupBy + " " + text);
                }
                assertEquals(row.get("firstEntryDate"), record.get("firstEntryDate"));
                assertEquals(row.get("lastEntryDate"), record.get("lastEntryDate"));
                for (String amount : List.of("estimated", "declared", "paid", "billed", "refunded", "variance")) {
                    assertEquals(new BigDecimal(row.get(amount).toString()).setScale(2).toPlainString(), record.get(amount), amount);
                }
                assertEquals(row.get("reason") == null ? "" : row.get("reason"), record.get("reason"));
            }
            if (groupBy.equals("manufacturer")) {
                CSVRecord odd = records.stream().filter(r -> r.get("heading").equals("9903.02.39") && r.get("group").startsWith("'"))
                        .findFirst().orElseThrow();
                assertEquals("'=HYPERLINK(\"http://x\")", odd.get("group"));
                assertEquals("-12.50", odd.get("variance"));
            }
            if (groupBy.equals("entry")) {
                assertEquals(1, records.stream().filter(r -> r.get("reason").startsWith("broker rounded")).count());
            }
        }
    }

    @Test
    void badDatesAndGroupingsAre400NamingThem() {
        Map<String, String> bad = Map.of("/api/reconciliation?from=2025-13-01&to=2025-12-31", "from",
                "/api/reconciliation?from=2025-01-01&to=2025-02-30", "to", "/api/reconciliation?from=2025-02-01&to=2025-01-01", "to",
                "/api/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=rig", "groupBy");
        bad.forEach((query, field) -> given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance("r-bad"))
                .accept("text/csv").get(query).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field))));
    }
}
