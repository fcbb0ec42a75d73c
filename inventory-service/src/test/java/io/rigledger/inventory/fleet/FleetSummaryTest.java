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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FleetSummaryTest {

    @Inject
    AgroalDataSource db;

    private static String model(String hashrate, int watts) {
        return "{\"manufacturer\":\"BITMAIN\",\"name\":\"Summary miner\",\"hashrateThs\":" + hashrate
                + ",\"powerWatts\":" + watts + ",\"htsCode\":\"8543.70.9860\",\"specsConfirmed\":true}";
    }

    @Test
    void totalsAndGroupsAddUpWithJthAsPowerOverHashrateAndTheUsShare() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 10);
        deploy(ops, newRig(ops, "antminer-s21", "US"), dal, "R1", 1);
        deploy(ops, newRig(ops, "avalon-a16xp", "CN"), dal, "R1", 2);
        newRig(ops, "antminer-s21", "MY");
        String gone = newRig(ops, "antminer-s21", "CN");
        as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + gone + "/transitions").then().statusCode(200);

        JsonPath summary = as(Tokens.finance(org)).queryParam("groupBy", "site,status").get("/api/fleet/summary")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("site", "status"), summary.getList("groupBy"));
        assertEquals(3, summary.getInt("totals.rigCount"), "retired rigs are not in the fleet");
        assertEquals(700, summary.getInt("totals.hashrateThs"));
        assertEquals(10.85f, summary.getFloat("totals.powerKw"));
        assertEquals(15.5f, summary.getFloat("totals.efficiencyJth"), "10850 W over 700 TH/s");
        assertEquals(1, summary.getInt("totals.usMadeRigCount"));
        assertEquals(33.33f, summary.getFloat("totals.usMadeSharePercent"));
        Map<String, Object> deployed = summary.getMap("groups[0]");
        assertEquals(Map.of("site", dal, "status", "DEPLOYED"), deployed.get("key"));
        assertEquals(2, summary.getInt("groups[0].figures.rigCount"));
        assertEquals(Map.of("status", "RECEIVED"), summary.getMap("groups[1].key"), "no site: key without site");
    }

    @Test
    void landedCostIsWrittenWithTwoDecimalsInTotalsAndGroups() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String rig = newRig(ops, "antminer-s21", "MY");
        as(Tokens.finance(org)).body("{\"landedCost\":{\"price\":1500,\"duty\":2.1,\"fees\":0}}")
                .put("/api/rigs/" + rig + "/landed-cost").then().statusCode(200);

        String body = as(Tokens.finance(org)).queryParam("groupBy", "model").get("/api/fleet/summary")
                .then().statusCode(200).extract().asString();
        assertEquals(2, body.split("\"landedCost\":1502\\.10[,}]", -1).length - 1, body);
    }

    @Test
    void aSpecCorrectionShowsInTheSummaryAtOnce() {
        String code = "sum-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        as(Tokens.admin()).body(model("100", 2000)).put("/api/rig-models/" + code).then().statusCode(200);
        String ops = Tokens.ops(newOrg());
        newRig(ops, code, "MY");
        newRig(ops, code, "MY");
        as(ops).queryParam("groupBy", "model").get("/api/fleet/summary").then()
                .body("totals.hashrateThs", equalTo(200)).body("totals.efficiencyJth", equalTo(20));

        as(Tokens.admin()).body(model("125", 2500)).put("/api/rig-models/" + code).then().statusCode(200);
        as(ops).queryParam("groupBy", "model").get("/api/fleet/summary").then()
                .body("groups[0].key.model", equalTo(code))
                .body("totals.hashrateThs", equalTo(250)).body("totals.powerKw", equalTo(5));
    }

    @Test
    void randomMixedChangesThroughTheApiLeaveTheSummaryEqualToAFullRecount() throws Exception {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 10_000);
        rack(ops, dal, "R1", 20);
        Random random = new Random(7);
        List<String> models = List.of("antminer-s21", "whatsminer-m60s", "avalon-a1466");
        List<String> origins = List.of("CN", "MY", "US");
        List<String> rigs = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int op = random.nextInt(5);
            if (op == 0 || rigs.isEmpty()) {
                rigs.add(newRig(ops, models.get(random.nextInt(3)), origins.get(random.nextInt(3))));
                continue;
            }
            String rig = rigs.get(random.nextInt(rigs.size()));
            String body = switch (op) {
                case 1 -> "{\"to\":\"DEPLOYED\",\"position\":{\"site\":\"" + dal + "\",\"rack\":\"R1\",\"slot\":"
                        + (1 + random.nextInt(20)) + "}}";
                case 2 -> "{\"to\":\"MAINTENANCE\"}";
                case 3 -> "{\"to\":\"RMA\",\"rmaTicket\":\"T" + step + "\"}";
                default -> "{\"to\":\"RETIRED\"}";
            };
            as(ops).body(body).post("/api/rigs/" + rig + "/transitions");
            as(Tokens.finance(org)).body("{\"landedCost\":{\"price\":" + random.nextInt(9000) + ".25,\"duty\":10,\"fees\":0.5}}")
                    .put("/api/rigs/" + rigs.get(random.nextInt(rigs.size())) + "/landed-cost")
                    .then().statusCode(oneOf(200, 409)); // 409: a RETIRED rig's landed cost stays as it was
        }
        List<Dimension> all = List.of(Dimension.values());
        JsonPath api = as(ops).queryParam("groupBy", "site,status,manufacturer,model,originCountry")
                .get("/api/fleet/summary").then().statusCode(200).extract().jsonPath();
        try (Connection c = db.getConnection()) {
            List<FleetSql.Row> recount = FleetSql.read(c, FleetSql.recount(all), org, all);
            assertEquals(recount.size(), api.getList("groups").size());
            long rigCount = recount.stream().mapToLong(FleetSql.Row::rigCount).sum();
            BigDecimal cost = recount.stream().map(FleetSql.Row::landedCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(rigCount, api.getLong("totals.rigCount"));
            assertEquals(0, cost.compareTo(new BigDecimal(api.getString("totals.landedCost"))));
        }
    }

    @Test
    void anUnknownOrRepeatedDimensionIs400() {
        badlyAs(Tokens.ops(newOrg())).queryParam("groupBy", "site,colour").get("/api/fleet/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("groupBy")));
        badlyAs(Tokens.ops(newOrg())).queryParam("groupBy", "site,site").get("/api/fleet/summary")
                .then().statusCode(400).body("violations.field", equalTo(List.of("groupBy")));
    }

    @Test
    void withoutGroupByTheSummaryIsTotalsOnly() {
        String code = "sum-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        as(Tokens.admin()).body(model("100", 2000)).put("/api/rig-models/" + code).then().statusCode(200);
        String ops = Tokens.ops(newOrg());
        newRig(ops, code, "MY");
        newRig(ops, code, "US");
        as(ops).get("/api/fleet/summary").then().statusCode(200)
                .body("groupBy", equalTo(List.of())).body("groups", equalTo(List.of()))
                .body("totals.rigCount", equalTo(2)).body("totals.hashrateThs", equalTo(200))
                .body("totals.usMadeSharePercent", equalTo(50));
    }

    @Test
    void anEmptyFleetHasZeroTotalsAndNoGroups() {
        as(Tokens.operator(newOrg())).get("/api/fleet/summary").then().statusCode(200)
                .body("groups", equalTo(List.of())).body("totals.rigCount", equalTo(0))
                .body("totals.usMadeSharePercent", equalTo(0));
    }
}
