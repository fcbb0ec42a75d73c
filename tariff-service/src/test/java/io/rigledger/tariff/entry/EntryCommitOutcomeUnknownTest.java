package io.rigledger.tariff.entry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.testsupport.CommitLoss;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static io.rigledger.tariff.entry.EntryIdempotencyTest.REPLAYED;
import static io.rigledger.tariff.entry.EntryIdempotencyTest.pay;
import static io.rigledger.tariff.entry.EntryIdempotencyTest.payment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A payment whose COMMIT PostgreSQL never confirmed: 503 problem+json outcome-unknown with Retry-After telling the
 * client to send the same Idempotency-Key again, never 500; the retry with that key then records the payment exactly
 * once, and a further retry answers the stored answer (issue 11).
 *
 * <p>The loss is real ({@link CommitLoss}: a deferred trigger on entry_amount, for this test's organisation's PAID
 * rows only, ends the session during COMMIT). Here PostgreSQL rolled back; the other outcome (stored, but the answer
 * lost) is the replay of {@link EntryIdempotencyTest}, since the payment and its key's answer commit together.
 */
@QuarkusTest
class EntryCommitOutcomeUnknownTest {

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void commitsGoThroughAgain() throws SQLException {
        CommitLoss.disarm(pool, "entry_amount");
        pool.flush(AgroalDataSource.FlushMode.INVALID);
    }

    @Test
    void aPaymentWhoseCommitWasNeverConfirmedIs503OutcomeUnknownAndTheRetryWithTheSameKeyPaysOnce() throws SQLException {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        String key = UUID.randomUUID().toString();
        String body = payment("10000.00", "ACH-1");
        // every COMMIT that stores a payment (PAID ledger rows) of this organisation loses its connection
        CommitLoss.arm(pool, "entry_amount", "new.org = '" + org + "' and new.kind = 'PAID'");

        pay(org, id, key, body).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://rigledger.io/problems/outcome-unknown"))
                .body("detail", containsString("whether this change was stored is unknown"))
                .body("detail", containsString("with the same Idempotency-Key"))
                .body("correlationId", nullValue());

        commitsGoThroughAgain();
        Response retry = pay(org, id, key, body);
        retry.then().statusCode(200).body("paid", equalTo(10000.00f)).body("payments", hasSize(1));
        pay(org, id, key, body).then().statusCode(200).header(REPLAYED, equalTo("true")).body("payments", hasSize(1));
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(1)).body("paid", equalTo(10000.00f));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE", "PAY")));
    }
}
