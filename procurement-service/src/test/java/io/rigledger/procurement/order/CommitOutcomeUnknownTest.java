package io.rigledger.procurement.order;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.CommitLoss;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database connection lost during COMMIT, so PostgreSQL never confirmed the order: 503
 * problem+json outcome-unknown with Retry-After, telling the client to send the same
 * Idempotency-Key again, never 500; the retry with that key then stores the order exactly once.
 *
 * <p>The loss is real ({@link CommitLoss}: a deferred trigger on purchase_order, for this test's
 * organisation only, ends the session during COMMIT). (Here PostgreSQL rolled back, which the client
 * cannot know; the retry shows that the key makes either case safe.)
 */
@QuarkusTest
class CommitOutcomeUnknownTest {

    private static final String KEY = "Idempotency-Key";

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    AgroalDataSource pool;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @AfterEach
    void commitsGoThroughAgain() throws SQLException {
        CommitLoss.disarm(pool, "purchase_order");
        pool.flush(AgroalDataSource.FlushMode.INVALID);
        assertEquals(List.of(), upstreams.contractBreaches());
    }

    @Test
    void anOrderWhoseCommitWasNeverConfirmedIs503OutcomeUnknownAndTheRetryWithTheSameKeyStoresItOnce() throws SQLException {
        String org = newOrg();
        String key = UUID.randomUUID().toString();
        String body = oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY");
        CommitLoss.arm(pool, "purchase_order", "new.org = '" + org + "'"); // every COMMIT storing an order of org

        as(Tokens.operator(org)).header(KEY, key).body(body).post("/api/purchase-orders")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://rigledger.io/problems/outcome-unknown"))
                .body("status", equalTo(503))
                .body("detail", containsString("whether this change was stored is unknown"))
                .body("detail", containsString("with the same Idempotency-Key"))
                .body("correlationId", nullValue());

        commitsGoThroughAgain();
        as(Tokens.operator(org)).header(KEY, key).body(body).post("/api/purchase-orders")
                .then().statusCode(201).body("org", equalTo(org));
        as(Tokens.operator(org)).header(KEY, key).body(body).post("/api/purchase-orders")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", hasSize(1));
    }
}
