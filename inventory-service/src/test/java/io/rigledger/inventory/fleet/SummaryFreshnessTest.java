package io.rigledger.inventory.fleet;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Summary answers are cached (SummaryAnswers) and must never be stale: every committed change shows on
 * the very next summary, whoever made it, including a correction of a model's specs.
 */
@QuarkusTest
class SummaryFreshnessTest {

    private static final String ALL = "site,status,manufacturer,model,originCountry";

    @Inject
    AgroalDataSource db;

    private static String newModel(int hashrate, int watts) {
        String code = "fresh-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        putModel(code, hashrate, watts);
        return code;
    }

    private static void putModel(String code, int hashrate, int watts) {
        as(Tokens.admin()).body("{\"manufacturer\":\"BITMAIN\",\"name\":\"Fresh miner\",\"hashrateThs\":" + hashrate
                        + ",\"powerWatts\":" + watts + ",\"htsCode\":\"8543.70.9860\",\"specsConfirmed\":true}")
                .put("/api/rig-models/" + code).then().statusCode(200);
    }

    @Test
    void everyChangeShowsOnTheVeryNextSummaryEqualToAFullRecount() throws Exception {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 10_000);
        rack(ops, dal, "R1", 12);
        String model = newModel(100, 2000);
        Random random = new Random(11);
        List<String> rigs = new ArrayList<>();
        for (int step = 0; step < 30; step++) {
            int op = rigs.isEmpty() ? 0 : random.nextInt(7);
            String rig = rigs.isEmpty() ? null : rigs.get(random.nextInt(rigs.size()));
            switch (op) {
                case 0 -> rigs.add(newRig(ops, random.nextBoolean() ? model : "antminer-s21",
                        random.nextBoolean() ? "US" : "CN"));
                case 1 -> as(ops).body("{\"to\":\"DEPLOYED\",\"position\":{\"site\":\"" + dal + "\",\"rack\":\"R1\","
                        + "\"slot\":" + (1 + random.nextInt(12)) + "}}").post("/api/rigs/" + rig + "/transitions");
                case 2 -> as(ops).body("{\"to\":\"MAINTENANCE\"}").post("/api/rigs/" + rig + "/transitions");
                case 3 -> as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + rig + "/transitions");
                case 4 -> putModel(model, 100 + step, 2000 + 10 * step);
                case 5 -> as(Tokens.finance(org)).body("{\"landedCost\":{\"price\":" + random.nextInt(9000)
                        + ".25,\"duty\":10,\"fees\":0.5}}").put("/api/rigs/" + rig + "/landed-cost");
                default -> as(ops).body("{\"mac\":\"0c:42:a1:7f:00:" + String.format(Locale.ROOT, "%02x", step)
                        + "\"}").put("/api/rigs/" + rig + "/mac");
            }
            assertSummaryEqualsRecount(org, "after step " + step + " (operation " + op + ")");
        }
    }

    @Test
    void concurrentWritersAndSpecCorrectionsNeverLeaveAStaleAnswer() throws Exception {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String model = newModel(100, 2000);
        AtomicInteger committed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        newRig(ops, model, "US");
                        int atLeast = committed.incrementAndGet();
                        int seen = summary(ops, "model").getInt("totals.rigCount");
                        assertTrue(seen >= atLeast, "summary shows " + seen + " rigs after " + atLeast + " committed");
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                for (int hashrate = 101; hashrate <= 112; hashrate++) {
                    putModel(model, hashrate, 2000);
                    JsonPath s = summary(ops, "model");
                    int rigsSeen = s.getInt("totals.rigCount");
                    if (rigsSeen > 0) {
                        assertEquals(0, new BigDecimal(s.getString("totals.hashrateThs"))
                                .compareTo(BigDecimal.valueOf((long) hashrate * rigsSeen)),
                                "the summary multiplies by the corrected hashrate " + hashrate);
                    }
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(36, summary(ops, "model").getInt("totals.rigCount"));
        assertSummaryEqualsRecount(org, "after the concurrent writers");
    }

    private static JsonPath summary(String token, String groupBy) {
        return as(token).queryParam("groupBy", groupBy).get("/api/fleet/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The API's answer for all five dimensions against the full GROUP BY over the rig table. */
    private void assertSummaryEqualsRecount(String org, String when) throws Exception {
        List<Dimension> all = List.of(Dimension.values());
        JsonPath api = summary(Tokens.ops(org), ALL);
        List<FleetSql.Row> recount;
        try (Connection c = db.getConnection()) {
            recount = FleetSql.read(c, FleetSql.recount(all), org, all);
        }
        Map<Map<String, String>, String> expected = new HashMap<>();
        for (FleetSql.Row r : recount) {
            Map<String, String> key = new HashMap<>();
            r.key().forEach((d, v) -> {
                if (v != null) {
                    key.put(d.apiName, v);
                }
            });
            expected.put(key, r.rigCount() + "|" + r.hashrateThs().stripTrailingZeros().toPlainString() + "|"
                    + r.landedCostUsd().setScale(2).toPlainString());
        }
        Map<Map<String, String>, String> actual = new HashMap<>();
        List<Map<String, Object>> groups = api.getList("groups");
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> key = api.getMap("groups[" + i + "].key");
            actual.put(new HashMap<>(key), api.getLong("groups[" + i + "].figures.rigCount") + "|"
                    + new BigDecimal(api.getString("groups[" + i + "].figures.hashrateThs")).stripTrailingZeros()
                    .toPlainString() + "|" + new BigDecimal(api.getString("groups[" + i + "].figures.landedCost"))
                    .setScale(2).toPlainString());
        }
        assertEquals(expected, actual, when);
    }
}
