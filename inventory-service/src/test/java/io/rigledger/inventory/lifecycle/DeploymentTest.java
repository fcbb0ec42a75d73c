package io.rigledger.inventory.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.position;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeploymentTest {

    private static String placement(String rig, String site, String rack, int slot) {
        return "{\"rig\":\"" + rig + "\",\"position\":" + position(site, rack, slot) + "}";
    }

    private static String deployment(List<String> placements) {
        return "{\"placements\":[" + String.join(",", placements) + "],\"reason\":\"hall A\"}";
    }

    @Test
    void aListOfRigsIsDeployedToARackRangeInOneCall() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "A01", 3);
        rack(ops, dal, "A02", 3);
        List<String> placements = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = newRig(ops, "antminer-s21-xp", "MY");
            ids.add(id);
            placements.add(placement(id, dal, i < 3 ? "A01" : "A02", i % 3 + 1));
        }
        as(ops).body(deployment(placements)).post("/api/rigs/deployments").then().statusCode(200)
                .body("items.id", equalTo(ids))
                .body("items.status", everyItem(equalTo("DEPLOYED")))
                .body("items.position.slot", equalTo(List.of(1, 2, 3, 1, 2, 3)));
        as(ops).queryParam("site", dal).queryParam("status", "DEPLOYED").get("/api/rigs")
                .then().body("items.id", equalTo(ids));
    }

    @Test
    void twoRigsToOnePositionIs400AndNothingMoves() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "A01", 3);
        String first = newRig(ops, "antminer-s21", "MY");
        String second = newRig(ops, "antminer-s21", "MY");
        as(ops).body(deployment(List.of(placement(first, dal, "A01", 1), placement(second, dal, "A01", 1))))
                .post("/api/rigs/deployments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("placements[1].position")));
        as(ops).get("/api/rigs/" + first).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void oneIllegalRigFailsTheWholeBatch() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "A01", 3);
        String good = newRig(ops, "antminer-s21", "MY");
        String retired = newRig(ops, "antminer-s21", "MY");
        as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + retired + "/transitions").then().statusCode(200);
        as(ops).body(deployment(List.of(placement(good, dal, "A01", 1), placement(retired, dal, "A01", 2))))
                .post("/api/rigs/deployments").then().statusCode(409)
                .body("violations.field", equalTo(List.of("placements[1].rig")));
        as(ops).get("/api/rigs/" + good).then().body("status", equalTo("RECEIVED"));
        as(ops).get("/api/rigs/" + good + "/history").then().body("items.kind", equalTo(List.of("REGISTERED")));
    }

    @Test
    void concurrentDeploysToOnePositionLeaveExactlyOneWinner() throws Exception {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "A01", 2);
        int callers = 6;
        List<String> rigs = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            rigs.add(newRig(ops, "antminer-s21", "MY"));
        }
        String target = position(dal, "A01", 1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String rig : rigs) {
                calls.add(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + target + "}")
                            .post("/api/rigs/" + rig + "/transitions").then().extract().statusCode();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(callers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        as(ops).queryParam("site", dal).get("/api/rigs").then().body("items.position.slot", equalTo(List.of(1)));
    }

    /**
     * Two callers deploy two rigs to different slots of one site whose remaining capacity holds only one of
     * them (5 kW, antminer-s21 at 3,500 W each): exactly one 200 and one 409 naming capacityOverride, and the
     * site's power in use never exceeds its capacity. Guards Deployer's site lock (issue 7, review R-7 defect 1).
     */
    @Test
    void parallelDeploysToDifferentSlotsNeverExceedTheSitesCapacity() throws Exception {
        String ops = Tokens.ops(newOrg());
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String small = newCode();
                site(ops, small, 5);
                rack(ops, small, "A01", 2);
                List<String> rigs = List.of(newRig(ops, "antminer-s21", "MY"), newRig(ops, "antminer-s21", "MY"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> futures = new ArrayList<>();
                for (int i = 0; i < rigs.size(); i++) {
                    String rig = rigs.get(i);
                    String target = position(small, "A01", i + 1);
                    futures.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + target + "}")
                                .post("/api/rigs/" + rig + "/transitions").then().extract().response();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<Object> refused = new ArrayList<>();
                for (Future<Response> f : futures) {
                    Response answer = f.get(60, TimeUnit.SECONDS);
                    statuses.add(answer.statusCode());
                    if (answer.statusCode() == 409) {
                        refused.add(answer.jsonPath().getList("violations.field"));
                    }
                }
                assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "round " + round);
                assertEquals(List.of(List.of("capacityOverride")), refused, "round " + round);
                as(ops).get("/api/sites/" + small).then().body("powerInUseKw", equalTo(3.5f));
                as(ops).queryParam("site", small).get("/api/rigs").then().body("items.size()", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSiteGoesToMaintenanceInOneCall() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "A01", 3);
        String a = newRig(ops, "antminer-s21", "MY");
        String b = newRig(ops, "antminer-s21", "MY");
        String idle = newRig(ops, "antminer-s21", "MY");
        deploy(ops, a, dal, "A01", 1);
        deploy(ops, b, dal, "A01", 2);

        as(ops).body("{\"reason\":\"transformer swap\"}").post("/api/sites/" + dal + "/maintenance")
                .then().statusCode(200).body("changed", equalTo(2));
        as(ops).queryParam("site", dal).get("/api/rigs").then()
                .body("items.status", equalTo(List.of("MAINTENANCE", "MAINTENANCE")));
        as(ops).get("/api/rigs/" + a + "/history").then().body("items[2].reason", equalTo("transformer swap"));
        as(ops).get("/api/rigs/" + idle).then().body("status", equalTo("RECEIVED"));
        as(ops).get("/api/sites/" + dal).then().body("powerInUseKw", equalTo(0));
    }
}
