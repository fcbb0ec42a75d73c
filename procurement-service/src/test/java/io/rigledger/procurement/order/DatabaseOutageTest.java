package io.rigledger.procurement.order;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL unreachable is an outage, not a bug: 503 application/problem+json upstream-unavailable
 * with Retry-After and no correlation id, never 500; the next request after it recovers works again.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void poolRecovers() {
        pool.flush(AgroalDataSource.FlushMode.INVALID);
        landedCost(newOrg()).statusCode(404);
    }

    private static ValidatableResponse landedCost(String org) {
        return as(Tokens.finance(org)).get("/api/purchase-orders/" + UUID.randomUUID() + "/landed-cost").then();
    }

    private static void isAnOutage(ValidatableResponse answer) {
        answer.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://rigledger.io/problems/upstream-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("database is unavailable"))
                .body("correlationId", nullValue());
    }

    @Test
    void connectionsPostgresqlDroppedAre503NotA500() throws SQLException {
        String org = newOrg();
        landedCost(org).statusCode(404);

        // what a PostgreSQL shutdown does to every open session: FATAL 57P01, then the socket closes
        try (Connection admin = EmbeddedPostgresResource.server().getPostgresDatabase().getConnection();
             Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select count(*) filter (where pg_terminate_backend(pid, 5000))"
                     + " from pg_stat_activity where datname = 'procurement' and pid <> pg_backend_pid()")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) > 0, "the service held at least one connection");
        }

        isAnOutage(landedCost(org));
    }
}
