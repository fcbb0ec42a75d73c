package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.as;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static io.rigledger.tariff.entry.EntryConcurrencyTest.PARALLEL;
import static io.rigledger.tariff.entry.EntryConcurrencyTest.together;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Idempotency-Key on the entry POSTs (issue 11): a retried payment, filing or origin audit answers what the first
 * one answered and records nothing twice; the same key with another body is 422 naming the header, nothing written;
 * another organisation's same key is its own.
 */
@QuarkusTest
class EntryIdempotencyTest {

    static final String KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    static String payment(String amount, String ach) {
        return "{\"amount\":" + amount + ",\"paidOn\":\"2025-09-25\",\"achReference\":\"" + ach + "\"}";
    }

    static Response pay(String org, String id, String key, String body) {
        return as(Tokens.finance(org)).header(KEY, key).body(body).post("/api/entries/" + id + "/payments");
    }

    @Test
    void aRepeatedPaymentWithTheSameKeyAnswersTheFirstAnswerAndPaysOnce() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        String key = UUID.randomUUID().toString();
        Response first = pay(org, id, key, payment("10000.00", "ACH-1"));
        first.then().statusCode(200).body("paid", equalTo(10000.00f));
        assertNull(first.header(REPLAYED));
        // the same JSON written differently is the same request
        Response again = pay(org, id, key, payment("10000.00", "ACH-1").replace(",", " , "));
        again.then().statusCode(200).header(REPLAYED, equalTo("true"));
        assertEquals(first.asString(), again.asString());
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(1)).body("paid", equalTo(10000.00f));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE", "PAY")));
    }

    @Test
    void theSameKeyWithAnotherBodyOrOnAnotherEntryIs422NamingTheHeaderAndPaysNothing() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        String other = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        String key = UUID.randomUUID().toString();
        pay(org, id, key, payment("10000.00", "ACH-1")).then().statusCode(200);
        pay(org, id, key, payment("10000.01", "ACH-1")).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(KEY)));
        pay(org, other, key, payment("10000.00", "ACH-1")).then().statusCode(422)
                .body("violations.field", equalTo(List.of(KEY)));
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(1)).body("paid", equalTo(10000.00f));
        get(org, "/api/entries/" + other).statusCode(200).body("payments", hasSize(0));
    }

    @Test
    void anotherOrganisationsSameKeyIsItsOwnRequest() {
        String key = UUID.randomUUID().toString();
        String mine = org();
        String theirs = org();
        String myEntry = filed(mine, malaysian(number(), "2025-09-15", "19000.00", ""));
        String theirEntry = filed(theirs, malaysian(number(), "2025-09-15", "19000.00", ""));
        pay(mine, myEntry, key, payment("10000.00", "ACH-1")).then().statusCode(200);
        Response theirPayment = pay(theirs, theirEntry, key, payment("10000.00", "ACH-1"));
        theirPayment.then().statusCode(200).body("id", equalTo(theirEntry));
        assertNull(theirPayment.header(REPLAYED));
        // nor does their key reach my entry: another organisation's entry is 404 as ever
        pay(theirs, myEntry, UUID.randomUUID().toString(), payment("1.00", "ACH-2")).then().statusCode(404);
        get(mine, "/api/entries/" + myEntry).statusCode(200).body("payments", hasSize(1));
        get(theirs, "/api/entries/" + theirEntry).statusCode(200).body("payments", hasSize(1));
    }

    @Test
    void aRepeatedFilingWithTheSameKeyAnswersTheFirst201AndFilesOnce() {
        String org = org();
        String key = UUID.randomUUID().toString();
        String body = FakeProcurement.holds(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        Response first = as(Tokens.finance(org)).header(KEY, key).body(body).post("/api/entries");
        first.then().statusCode(201);
        Response again = as(Tokens.finance(org)).header(KEY, key).body(body).post("/api/entries");
        again.then().statusCode(201).header(REPLAYED, equalTo("true")).header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), again.asString());
        get(org, "/api/entries").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aRepeatedOriginAuditWithTheSameKeyBillsOnce() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        pay(org, id, UUID.randomUUID().toString(), payment("22071.40", "ACH-1")).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        String audit = "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":250.00,\"reason\":\"CBP audit\"}";
        for (int i = 0; i < 2; i++) {
            as(Tokens.finance(org)).header(KEY, key).body(audit).post("/api/entries/" + id + "/origin-audits")
                    .then().statusCode(200).body("originAudits", hasSize(1)).body("originAudits[0].bill", equalTo(36250.00f));
        }
        get(org, "/api/entries/" + id).statusCode(200).body("originAudits", hasSize(1));
    }

    @Test
    void parallelPaymentsWithOneKeyPayOnceAndAllAnswerTheSame() throws Exception {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        String key = UUID.randomUUID().toString();
        List<Integer> codes = together(i -> () -> pay(org, id, key, payment("1000.00", "ACH-1")).statusCode());
        assertEquals(PARALLEL, Collections.frequency(codes, 200), codes::toString);
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(1)).body("paid", equalTo(1000.00f));
    }
}
