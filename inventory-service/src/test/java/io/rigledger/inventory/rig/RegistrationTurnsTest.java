package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.rig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organisation's registrations take turns from just before they draw asset ids to their commit:
 * concurrent replays burn no ids, and ids become visible in the order they were drawn, so keyset
 * paging by asset id skips no rig of a batch that commits while a reader pages.
 */
@QuarkusTest
class RegistrationTurnsTest {

    @Inject
    DataSource database;

    private static String batch(String org, List<String> rigs) {
        return "{\"organisation\":\"" + org + "\",\"rigs\":[" + String.join(",", rigs) + "]}";
    }

    private static List<String> rigs(int n) {
        List<String> rigs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rigs.add(rig(newSerial(), "antminer-s21", "MY"));
        }
        return rigs;
    }

    private static long number(String assetId) {
        return AssetIds.parse(assetId, "id");
    }

    @Test
    void fourConcurrentRegistrationsOfOneThousandRigBatchDrawNoAssetIdBeyondTheRigsRegistered() throws Exception {
        String org = newOrg();
        String body = batch(org, rigs(1000));
        String procurement = Tokens.service("procurement-service");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long highest = 0;
        int registered = 0;
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> as(procurement).body(body).post("/api/rigs/batch").then().statusCode(200)
                        .extract().jsonPath());
            }
            for (Future<JsonPath> answer : pool.invokeAll(calls)) {
                JsonPath result = answer.get();
                registered += result.getInt("registered");
                for (String id : result.<String>getList("items.id")) {
                    highest = Math.max(highest, number(id));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1000, registered, "each rig registered once");

        String next = as(procurement).body(batch(org, rigs(1))).post("/api/rigs/batch").then().statusCode(200)
                .extract().path("items[0].id");
        assertEquals(highest + 1, number(next), "the next rig's asset id follows the batch's: no id was burned");
    }

    /**
     * Batch A draws its asset id, then pauses inside its INSERT (a test trigger waits for a lock the test
     * holds) before it reaches any rollup row; batch B starts after. Without turns B draws higher ids and
     * commits first, and a reader paging by asset id passes over A's rig.
     */
    @Test
    void aReaderPagingWhileTwoBatchesCommitSkipsNoRigThatCommittedBeforeItsPage() throws Exception {
        String org = newOrg();
        String ops = Tokens.ops(org);
        as(ops).body(batch(org, rigs(2))).post("/api/rigs/batch").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = database.getConnection(); Statement hold = holder.createStatement()) {
            hold.execute(HOLD_TRIGGER);
            hold.execute("select pg_advisory_lock(7, 7)");
            try {
                Future<?> a = pool.submit(() -> as(ops).body(batch(org, List.of(rig("HOLD" + newSerial(), "antminer-s21", "MY"))))
                        .post("/api/rigs/batch").then().statusCode(200));
                waitUntil(a, 1);
                Future<?> b = pool.submit(() -> as(ops).body(batch(org, rigs(3))).post("/api/rigs/batch")
                        .then().statusCode(200));
                waitUntil(b, 2);

                List<String> seen = new ArrayList<>();
                String cursor = page(ops, null, 1, seen);
                Set<String> committedBeforeLastPage = committedIds(org);
                cursor = page(ops, cursor, 2, seen);
                hold.execute("select pg_advisory_unlock(7, 7)");
                a.get(60, TimeUnit.SECONDS);
                while (cursor != null) {
                    committedBeforeLastPage = committedIds(org);
                    cursor = page(ops, cursor, 2, seen);
                }
                b.get(60, TimeUnit.SECONDS);
                assertTrue(new HashSet<>(seen).containsAll(committedBeforeLastPage), "the reader saw " + seen
                        + " but these had committed before its last page: " + committedBeforeLastPage);
            } finally {
                hold.execute("select pg_advisory_unlock_all()");
                hold.execute("drop trigger if exists test_hold_rig on rig");
                hold.execute("drop function if exists test_hold_rig()");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Test only: a rig whose serial starts with HOLD waits, inside its INSERT, for advisory lock (7, 7). */
    private static final String HOLD_TRIGGER = """
            create or replace function test_hold_rig() returns trigger language plpgsql as $$
            begin
                if new.serial_number like 'HOLD%' then
                    perform pg_advisory_xact_lock(7, 7);
                end if;
                return new;
            end
            $$;
            create or replace trigger test_hold_rig before insert on rig for each row execute function test_hold_rig();
            """;

    /** One page of the organisation's rigs after {@code cursor}; adds its ids to {@code seen}, answers the next cursor. */
    private static String page(String token, String cursor, int limit, List<String> seen) {
        var request = as(token).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        JsonPath page = request.get("/api/rigs").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        return page.getString("nextCursor");
    }

    private Set<String> committedIds(String org) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from rig where org = '" + org + "'")) {
            while (rs.next()) {
                ids.add(AssetIds.format(rs.getLong(1)));
            }
        }
        return ids;
    }

    /** Until {@code call} has answered or {@code waiters} sessions of the database wait for a lock (at most a minute). */
    private void waitUntil(Future<?> call, int waiters) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try {
                call.get(50, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                if (lockWaiters() >= waiters) {
                    return;
                }
            }
        }
        throw new AssertionError("the batch neither answered nor waited for a lock");
    }

    private int lockWaiters() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_locks where not granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
