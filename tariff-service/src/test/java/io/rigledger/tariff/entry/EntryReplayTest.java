package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.as;
import static io.rigledger.tariff.entry.Entries.correction;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static io.rigledger.tariff.entry.EntryIdempotencyTest.KEY;
import static io.rigledger.tariff.entry.EntryIdempotencyTest.REPLAYED;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Idempotency-Key on the entry POSTs EntryIdempotencyTest does not replay (issue 11 review): a correction,
 * liquidation, refund request, protest, refund and final liquidation sent again with the same key and body answer
 * the first answer byte for byte with {@code Idempotent-Replayed: true} and record nothing twice; the same key with
 * another body is 422 problem+json naming the header, nothing written (platform.yaml, IdempotencyKey).
 */
@QuarkusTest
class EntryReplayTest extends PinnedTodayTest {

    @Test
    void eachStepAfterPaymentRepliesItsFirstAnswerToItsKeyAndRefusesAnotherBody() {
        String org = org();
        String id = filedAndPaid(org);
        replayed(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":19500.00},{"program":"MPF","heading":"","amount":300.00}]}""");
        // the liquidation's bill of 500.00 is paid, else it nets the MPF's 46.40 and nothing is refundable
        move(org, id, "payments", "{\"amount\":500.00,\"paidOn\":\"2026-07-28\",\"achReference\":\"ACH-2\"}").statusCode(200);
        replayed(org, id, "refund-request", "{\"requestedOn\":\"2026-07-30\",\"kind\":\"LIQUIDATION\",\"reason\":\"MPF over-declared\"}");
        replayed(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123457\",\"reason\":\"the reciprocal rate\"}");
        String refund = "{\"receivedOn\":\"2026-08-20\",\"principal\":46.40,\"interest\":0.31,\"reference\":\"CBP-7\"}";
        replayed(org, id, "refunds", refund, refund.replace("CBP-7", "CBP-8"));
        replayed(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"DENIED\",\"reason\":\"CBP denied it\"}");
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action",
                equalTo(List.of("FILE", "PAY", "LIQUIDATE", "PAY", "REQUEST_REFUND", "PROTEST", "RECORD_REFUND", "FINALLY_LIQUIDATE")));
    }

    @Test
    void aCorrectionRepliesItsFirstAnswerToItsKeyAndRefusesAnotherBody() {
        String org = org();
        String id = filed(org, malaysian(number(), Today.DATE.minusDays(30).toString(), "0.00", ""));
        move(org, id, "payments", "{\"amount\":3071.40,\"paidOn\":\"" + Today.DATE + "\",\"achReference\":\"ACH-3\"}")
                .statusCode(200).body("status", equalTo("PAID"));
        replayed(org, id, "corrections", correction("classification review", "0.00").replace("\"amount\":2600.00", "\"amount\":2650.00"));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE", "PAY", "CORRECT")));
    }

    /**
     * Sends the step with a fresh key (200), again with the same key and body (the first answer byte for byte,
     * Idempotent-Replayed: true), then with the same key and another body (another reason; 422 naming the header); the entry
     * answers as after the first call.
     */
    private static void replayed(String org, String id, String step, String body) {
        replayed(org, id, step, body, body.replaceFirst("\"reason\":\"", "\"reason\":\"other "));
    }

    private static void replayed(String org, String id, String step, String body, String other) {
        String key = UUID.randomUUID().toString();
        Response first = send(org, id, step, key, body);
        first.then().statusCode(200);
        assertNull(first.header(REPLAYED), step + ": the first answer is no replay");
        String after = get(org, "/api/entries/" + id).statusCode(200).extract().asString();
        Response again = send(org, id, step, key, body);
        again.then().statusCode(200).header(REPLAYED, equalTo("true"));
        assertEquals(first.asString(), again.asString(), step + ": the replay is the first answer byte for byte");
        send(org, id, step, key, other)
                .then().statusCode(422).contentType("application/problem+json").body("violations.field", equalTo(List.of(KEY)));
        assertEquals(after, get(org, "/api/entries/" + id).statusCode(200).extract().asString(),
                step + ": neither the replay nor the other body changed the entry");
    }

    private static Response send(String org, String id, String step, String key, String body) {
        return as(Tokens.finance(org)).header(KEY, key).body(body).post("/api/entries/" + id + "/" + step);
    }
}
