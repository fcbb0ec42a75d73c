package io.rigledger.tariff.entry;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;

/** Test bodies and calls for entries, every request and answer validated against the contract. */
final class Entries {

    static final String PO = "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40";
    /** The whole deposit of {@link #filedAndPaid}'s entry, 22,071.40 (duty 21,600.00 + MPF 346.40 + HMF 125.00), paid 2025-09-25. */
    static final String PAID_IN_FULL = "{\"amount\":22071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}";
    /** A CAPE refund request (IEEPA duty) of 2026-04-21. */
    static final String CAPE_REQUEST = "{\"requestedOn\":\"2026-04-21\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}";

    private Entries() {
    }

    /** An origin audit body: CBP asserts {@code origin}, notice of {@code noticeDate} (ISO date or LocalDate), no interest. */
    static String audit(String origin, Object noticeDate) {
        return "{\"assertedOrigin\":\"" + origin + "\",\"noticeDate\":\"" + noticeDate + "\",\"interest\":0.00,\"reason\":\"origin\"}";
    }

    /** A fresh organisation, so tests never see each other's entries. */
    static String org() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh valid entry number. */
    static String number() {
        return "T%02d-%07d-%d".formatted(ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(10_000_000), ThreadLocalRandom.current().nextInt(10));
    }

    /** MY, ocean, 100,000.00 on {@code date}: MFN 2,600.00 and reciprocal 9903.02.39 as {@code reciprocal}, MPF 346.40, HMF 125.00. */
    static String malaysian(String number, String date, String reciprocal, String extra) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"%s","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind Mining LLC"%s,
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":100000.00,"quantity":21,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":2600.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","ratePercent":19,"amount":%s}]}],
                 "fees":[{"type":"MPF","amount":346.40},{"type":"HMF","amount":125.00}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":57142.86,"quantity":12},
                               {"purchaseOrderId":"%s","lineNumber":2,"entryLine":1,"value":42857.14,"quantity":9}]}"""
                .formatted(number, date, extra, reciprocal, PO, PO);
    }

    /** A post-summary correction of {@link #malaysian}: the same lines with the reciprocal layer at {@code reciprocal}. */
    static String correction(String reason, String reciprocal) {
        String entry = malaysian("XXX-0000000-0", "2025-09-15", reciprocal, "");
        return "{\"reason\":\"" + reason + "\"," + entry.substring(entry.indexOf("\"lines\""));
    }

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static ValidatableResponse file(String org, String body) {
        return as(Tokens.finance(org)).body(FakeProcurement.holds(org, body)).post("/api/entries").then();
    }

    /** Files and returns the id (201 expected). */
    static String filed(String org, String body) {
        return file(org, body).statusCode(201).extract().path("id");
    }

    /** A fresh {@link #malaysian} entry of 2025-09-15 (reciprocal 19,000.00), filed and paid in full (200 expected); its id. */
    static String filedAndPaid(String org) {
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "payments", PAID_IN_FULL).statusCode(200);
        return id;
    }

    static ValidatableResponse move(String org, String id, String step, String body) {
        String sent = "corrections".equals(step) ? FakeProcurement.holds(org, body) : body;
        return as(Tokens.finance(org)).body(sent).post("/api/entries/" + id + "/" + step).then();
    }

    static ValidatableResponse get(String org, String path) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get(path).then();
    }
}
