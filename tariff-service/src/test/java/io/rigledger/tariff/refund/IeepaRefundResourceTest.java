package io.rigledger.tariff.refund;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rigledger.tariff.entry.PinnedTodayTest;
import io.rigledger.tariff.entry.Today;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The organisation's IEEPA refunds: per heading, CAPE eligibility with reasons, the CAPE zip, refunds reconciled. */
@QuarkusTest
class IeepaRefundResourceTest extends PinnedTodayTest {

    /** Recent enough that no entry is deemed liquidated (a year after entry, 19 U.S.C. 1504(a)) and out of CAPE. */
    static final LocalDate ENTERED = Today.DATE.minusDays(60);

    static String entry(String number, String extra) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"%s","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind"%s,
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":100000.00,"quantity":1,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":2600.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","ratePercent":19,"amount":19000.00}]}],
                 "fees":[{"type":"MPF","amount":346.40},{"type":"HMF","amount":125.00}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":100000.00,"quantity":1}]}"""
                .formatted(number, ENTERED, extra, UUID.randomUUID());
    }

    static String file(String org, String number, String extra, boolean pay) {
        String id = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body(FakeProcurement.holds(org, entry(number, extra))).post("/api/entries").then().statusCode(201).extract().path("id");
        if (pay) {
            given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                    .body("{\"amount\":22071.40,\"paidOn\":\"" + ENTERED.plusDays(10) + "\",\"achReference\":\"ACH-1\"}")
                    .post("/api/entries/" + id + "/payments").then().statusCode(200);
        }
        return id;
    }

    @Test
    void eligibleEntriesGoIntoTheCapeZipAndTheOthersSayWhyNot() throws IOException {
        String org = "i-" + UUID.randomUUID().toString().substring(0, 8);
        file(org, "IE1-0000001-1", "", true);
        file(org, "IE1-0000002-2", ",\"drawbackClaim\":true,\"reconciliationFlag\":true", true);
        file(org, "IE1-0000003-3", "", false);
        String refunded = file(org, "IE1-0000004-4", "", true);
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body("{\"requestedOn\":\"" + ENTERED.plusDays(20) + "\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}")
                .post("/api/entries/" + refunded + "/refund-request").then().statusCode(200);
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).contentType(ContentType.JSON)
                .body("{\"receivedOn\":\"" + ENTERED.plusDays(30) + "\",\"principal\":18900.00,\"interest\":412.77,\"reference\":\"CBP-1\"}")
                .post("/api/entries/" + refunded + "/refunds").then().statusCode(200);

        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/ieepa-refunds")
                .then().statusCode(200)
                .body("items.entryNumber", equalTo(List.of("IE1-0000001-1", "IE1-0000002-2", "IE1-0000003-3", "IE1-0000004-4")))
                .body("items.eligible", equalTo(List.of(true, false, false, false)))
                .body("items[0].headings[0].heading", equalTo("9903.02.39"))
                .body("items[0].refundable", equalTo(19000.00f))
                .body("items[1].reasons", equalTo(List.of("flagged for reconciliation", "on a drawback claim")))
                .body("items[2].reasons", equalTo(List.of("duty not paid yet")))
                .body("items[3].claimed", equalTo(19000.00f))
                .body("items[3].principal", equalTo(18900.00f))
                .body("items[3].interest", equalTo(412.77f))
                .body("items[3].shortfall", equalTo(100.00f))
                // what the refund did not return is all that is left to claim
                .body("items[3].refundable", equalTo(100.00f))
                .body("items[3].headings[0].amount", equalTo(100.00f))
                .body("totals.refundable", equalTo(57100.00f))
                .body("totals.eligible", equalTo(19000.00f))
                .body("totals.shortfall", equalTo(100.00f));

        var answer = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/ieepa-refunds/cape-files")
                .then().statusCode(200).contentType("application/zip").header("X-Cape-Files", "1").header("X-Cape-Entries", "1")
                .extract();
        List<String> names = new ArrayList<>();
        List<List<String>> files = CapeFilesTest.unzip(answer.asByteArray(), names);
        assertEquals(List.of("cape-entries-001.csv"), names);
        assertEquals(List.of(List.of("Entry Number", "IE100000011")), files);
    }

    @Test
    void refundsPageByDateOfEntryThenEntryNumberWithPageTotals() {
        String org = "i-" + UUID.randomUUID().toString().substring(0, 8);
        for (String number : List.of("IE2-0000003-3", "IE2-0000001-1", "IE2-0000002-2")) {
            file(org, number, "", true);
        }
        String next = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/ieepa-refunds?limit=2")
                .then().statusCode(200)
                .body("items.entryNumber", equalTo(List.of("IE2-0000001-1", "IE2-0000002-2")))
                .body("totals.refundable", equalTo(38000.00f))
                .extract().path("nextCursor");
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).queryParam("limit", "2").queryParam("cursor", next)
                .get("/api/ieepa-refunds").then().statusCode(200)
                .body("items.entryNumber", equalTo(List.of("IE2-0000003-3")))
                .body("totals.refundable", equalTo(19000.00f))
                .body("nextCursor", nullValue());
        for (String bad : List.of("0", "1001", "x")) {
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).queryParam("limit", bad)
                    .get("/api/ieepa-refunds").then().statusCode(400).body("violations.field", equalTo(List.of("limit")));
        }
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).queryParam("cursor", next.substring(1))
                .get("/api/ieepa-refunds").then().statusCode(400).body("violations.field", equalTo(List.of("cursor")));
    }
}
