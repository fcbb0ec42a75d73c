package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.rig;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rig back from RMA, received by procurement-service (issue 10 item 7), goes back to RECEIVED on its
 * existing asset through the batch it replays, once (each replay of that receipt is answered the return);
 * procurement looks a serial up in the organisation it names; and procurement's landed cost reaches the summary.
 */
@QuarkusTest
class RmaReturnTest {

    private static final String PROCUREMENT = Tokens.service("procurement-service");

    private static String batch(String org, String... rigs) {
        return "{\"organisation\":\"" + org + "\",\"rigs\":[" + String.join(",", rigs) + "]}";
    }

    private static String returned(String serial, String receipt) {
        return "{\"serialNumber\":\"" + serial + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\","
                + "\"rmaReturnReceipt\":\"" + receipt + "\"}";
    }

    /** Registers one rig through procurement's batch and answers its asset id. */
    private static String registered(String org, String serial) {
        return as(PROCUREMENT).body(batch(org, rig(serial, "antminer-s21", "MY"))).post("/api/rigs/batch")
                .then().statusCode(200).body("items[0].status", equalTo("RECEIVED"))
                .body("items[0]", not(hasKey("returnedFromRma"))).extract().path("items[0].id");
    }

    private static void toRma(String org, String id, String ticket) {
        as(Tokens.ops(org)).body("{\"to\":\"RMA\",\"rmaTicket\":\"" + ticket + "\"}")
                .post("/api/rigs/" + id + "/transitions").then().statusCode(200);
    }

    private static List<String> kinds(String org, String id) {
        return as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.kind");
    }

    @Test
    void aRigInRmaReplayedWithAReturnReceiptIsReceivedAgainWithItsEventAndASecondReplayChangesNothing() {
        String org = newOrg();
        String serial = newSerial();
        String id = registered(org, serial);
        toRma(org, id, "BM-RMA-2201");

        as(PROCUREMENT).body(batch(org, returned(serial, "R-7001"))).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(0)).body("replayed", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].replayed", equalTo(true))
                .body("items[0].status", equalTo("RECEIVED")).body("items[0].returnedFromRma", equalTo(true));
        as(Tokens.ops(org)).get("/api/rigs/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("$", not(hasKey("rmaTicket")));
        JsonPath history = as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED", "STATUS_CHANGED"), history.getList("items.kind"));
        assertEquals("RMA", history.getString("items[2].from.status"));
        assertEquals("BM-RMA-2201", history.getString("items[2].from.rmaTicket"));
        assertEquals("RECEIVED", history.getString("items[2].to.status"));
        assertEquals("service-account-procurement-service", history.getString("items[2].by"));
        assertEquals("returned from RMA, receipt R-7001", history.getString("items[2].reason"));

        // procurement lost the first answer and replays the same receipt: told again that it brought the rig back
        as(PROCUREMENT).body(batch(org, returned(serial, "R-7001"))).post("/api/rigs/batch").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].status", equalTo("RECEIVED"))
                .body("items[0].returnedFromRma", equalTo(true));
        assertEquals(3, kinds(org, id).size(), "the second replay of the return wrote no event");
        as(Tokens.finance(org)).queryParam("groupBy", "status").get("/api/fleet/summary").then().statusCode(200)
                .body("groups.key.status", equalTo(List.of("RECEIVED"))).body("totals.rigCount", equalTo(1));
    }

    @Test
    void aReplayWithoutAReturnReceiptLeavesARigInRma() {
        String org = newOrg();
        String serial = newSerial();
        String id = registered(org, serial);
        toRma(org, id, "BM-RMA-2202");

        as(PROCUREMENT).body(batch(org, rig(serial, "antminer-s21", "MY"))).post("/api/rigs/batch").then()
                .statusCode(200).body("items[0].status", equalTo("RMA")).body("items[0]", not(hasKey("returnedFromRma")));
        as(Tokens.ops(org)).get("/api/rigs/" + id).then().body("status", equalTo("RMA"))
                .body("rmaTicket", equalTo("BM-RMA-2202"));
    }

    @Test
    void aReplayedRigNotInRmaIsLeftAsItIsWhateverTheReceiptSays() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        String received = newSerial();
        String deployed = newSerial();
        String retired = newSerial();
        String receivedId = registered(org, received);
        String deployedId = registered(org, deployed);
        String retiredId = registered(org, retired);
        deploy(ops, deployedId, dal, "R1", 2);
        as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + retiredId + "/transitions").then().statusCode(200);

        as(PROCUREMENT).body(batch(org, returned(received, "R-1"), returned(deployed, "R-1"), returned(retired, "R-1")))
                .post("/api/rigs/batch").then().statusCode(200)
                .body("items.status", equalTo(List.of("RECEIVED", "DEPLOYED", "RETIRED")))
                .body("items.replayed", equalTo(List.of(true, true, true)))
                .body("items.findAll { it.returnedFromRma != null }", equalTo(List.of()));
        assertEquals(List.of("REGISTERED"), kinds(org, receivedId));
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED"), kinds(org, deployedId));
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED"), kinds(org, retiredId));
        as(ops).get("/api/rigs/" + deployedId).then().body("status", equalTo("DEPLOYED")).body("position.slot", equalTo(2));
    }

    @Test
    void anotherOrganisationsRigInRmaWithTheSameSerialIsNotTouched() {
        String owner = newOrg();
        String other = newOrg();
        String serial = newSerial();
        String id = registered(owner, serial);
        toRma(owner, id, "BM-RMA-2203");

        String theirs = as(PROCUREMENT).body(batch(other, returned(serial, "R-9"))).post("/api/rigs/batch").then()
                .statusCode(200).body("registered", equalTo(1)).body("items[0].replayed", equalTo(false))
                .body("items[0].status", equalTo("RECEIVED")).body("items[0]", not(hasKey("returnedFromRma")))
                .extract().path("items[0].id");
        assertEquals(false, id.equals(theirs), "the other organisation's rig is a rig of its own");
        as(Tokens.ops(owner)).get("/api/rigs/" + id).then().body("status", equalTo("RMA"));
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED"), kinds(owner, id));
        badlyAs(Tokens.ops(other)).body("{\"to\":\"RECEIVED\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(404);
    }

    @Test
    void aReplayOfTheSameReceiptAnswersTheReturnWhereverTheRigIsNowAndAnotherReceiptDoesNot() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        String serial = newSerial();
        String id = registered(org, serial);
        toRma(org, id, "BM-RMA-2205");
        as(PROCUREMENT).body(batch(org, returned(serial, "R-8001"))).post("/api/rigs/batch").then().statusCode(200)
                .body("items[0].returnedFromRma", equalTo(true));
        deploy(ops, id, dal, "R1", 1);

        as(PROCUREMENT).body(batch(org, returned(serial, "R-8001"))).post("/api/rigs/batch").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].status", equalTo("DEPLOYED"))
                .body("items[0].returnedFromRma", equalTo(true));
        // the same rig on another receipt, not in RMA: a rig the fleet holds, not a return
        as(PROCUREMENT).body(batch(org, returned(serial, "R-8002"))).post("/api/rigs/batch").then().statusCode(200)
                .body("items[0].status", equalTo("DEPLOYED")).body("items[0]", not(hasKey("returnedFromRma")));
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"), kinds(org, id));

        // back at the maker again: a late replay of the old receipt answers its return and does not move the rig
        as(ops).body("{\"to\":\"MAINTENANCE\"}").post("/api/rigs/" + id + "/transitions").then().statusCode(200);
        toRma(org, id, "BM-RMA-2206");
        int events = kinds(org, id).size();
        as(PROCUREMENT).body(batch(org, returned(serial, "R-8001"))).post("/api/rigs/batch").then().statusCode(200)
                .body("items[0].status", equalTo("RMA")).body("items[0].returnedFromRma", equalTo(true));
        as(ops).get("/api/rigs/" + id).then().body("status", equalTo("RMA")).body("rmaTicket", equalTo("BM-RMA-2206"));
        assertEquals(events, kinds(org, id).size());
    }

    @Test
    void procurementLooksUpASerialInTheOrganisationItNamesAndPeopleOnlyInTheirOwn() {
        String org = newOrg();
        String serial = newSerial();
        String id = registered(org, serial);
        toRma(org, id, "BM-RMA-2207");

        as(PROCUREMENT).queryParam("organisation", org).queryParam("serialNumber", serial).queryParam("manufacturer", "BITMAIN")
                .get("/api/rigs").then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("items[0].status", equalTo("RMA"));
        as(PROCUREMENT).queryParam("organisation", newOrg()).queryParam("serialNumber", serial).get("/api/rigs").then()
                .statusCode(200).body("items", equalTo(List.of()));
        badlyAs(PROCUREMENT).queryParam("serialNumber", serial).get("/api/rigs").then().statusCode(400)
                .body("violations[0].field", equalTo("organisation"));
        as(Tokens.ops(org)).queryParam("organisation", org).queryParam("serialNumber", serial).get("/api/rigs").then()
                .statusCode(200).body("items.id", equalTo(List.of(id)));
        badlyAs(Tokens.ops(newOrg())).queryParam("organisation", org).queryParam("serialNumber", serial).get("/api/rigs")
                .then().statusCode(403);
    }

    @Test
    void concurrentReplaysOfOneReturnMoveTheRigOnceWithOneEventAndEachIsAnsweredTheReturn() throws Exception {
        String org = newOrg();
        String serial = newSerial();
        String id = registered(org, serial);
        toRma(org, id, "BM-RMA-2204");
        String body = batch(org, returned(serial, "R-44"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> as(PROCUREMENT).body(body).post("/api/rigs/batch").then().statusCode(200)
                        .body("items[0].status", equalTo("RECEIVED")).extract().jsonPath()
                        .get("items[0].returnedFromRma") != null);
            }
            int answeredReturned = 0;
            for (Future<Boolean> answer : pool.invokeAll(calls)) {
                answeredReturned += answer.get() ? 1 : 0;
            }
            assertEquals(4, answeredReturned, "every replay of the receipt is told it brought the rig back");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, kinds(org, id).size(), "exactly one replay moved the rig: one event");
    }

    @Test
    void procurementPushesTheAllocatedLandedCostForTheOrganisationAndTheSummaryMoves() {
        String org = newOrg();
        String id = registered(org, newSerial());
        as(PROCUREMENT).body("{\"organisation\":\"" + org + "\",\"landedCost\":{\"price\":5120,\"duty\":1112.32,"
                        + "\"fees\":17.74},\"reason\":\"entry allocation\"}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200).body("landedCost.duty", equalTo(1112.32f));
        as(Tokens.finance(org)).queryParam("groupBy", "status").get("/api/fleet/summary").then().statusCode(200)
                .body("totals.landedCost", equalTo(6250.06f));
        as(PROCUREMENT).body("{\"organisation\":\"" + org + "\",\"landedCost\":{\"price\":5120,\"duty\":1280,"
                        + "\"fees\":17.74},\"reason\":\"origin audit\"}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200);
        as(Tokens.finance(org)).queryParam("groupBy", "status").get("/api/fleet/summary").then()
                .body("totals.landedCost", equalTo(6417.74f));
        JsonPath history = as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then().extract().jsonPath();
        assertEquals("service-account-procurement-service", history.getString("items[2].by"));
        assertEquals("origin audit", history.getString("items[2].reason"));
    }
}
