package io.rigledger.inventory.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.position;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class LifecycleTest {

    private static void move(String ops, String id, String body, int status) {
        as(ops).body(body).post("/api/rigs/" + id + "/transitions").then().statusCode(status);
    }

    @Test
    void aRigGoesThroughItsWholeLifeAndEveryStepIsInItsHistory() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 10);
        String id = newRig(ops, "antminer-s21", "MY");

        deploy(ops, id, dal, "R1", 3);
        as(ops).body("{\"to\":\"MAINTENANCE\",\"reason\":\"fan noise\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("MAINTENANCE")).body("position.slot", equalTo(3));
        as(ops).body("{\"to\":\"DEPLOYED\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("DEPLOYED")).body("position.rack", equalTo("R1"));
        move(ops, id, "{\"to\":\"DEPLOYED\",\"position\":" + position(dal, "R1", 7) + ",\"reason\":\"rebalance\"}", 200);
        move(ops, id, "{\"to\":\"MAINTENANCE\"}", 200);
        as(ops).body("{\"to\":\"RMA\",\"rmaTicket\":\"BM-RMA-1187\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(200).body("rmaTicket", equalTo("BM-RMA-1187")).body("$", not(hasKey("position")));
        move(ops, id, "{\"to\":\"RECEIVED\",\"reason\":\"back from repair\"}", 200);
        move(ops, id, "{\"to\":\"RETIRED\",\"reason\":\"end of life\"}", 200);

        JsonPath history = as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED", "MOVED",
                "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"), history.getList("items.kind"));
        assertEquals("ops-" + org, history.getString("items[1].by"));
        assertEquals("RECEIVED", history.getString("items[1].from.status"));
        assertEquals(3, history.getInt("items[1].to.position.slot"));
        assertEquals(7, history.getInt("items[4].to.position.slot"));
        assertEquals("rebalance", history.getString("items[4].reason"));
        assertEquals("BM-RMA-1187", history.getString("items[6].to.rmaTicket"));
        assertEquals("RETIRED", history.getString("items[8].to.status"));
    }

    @Test
    void historyIsPagedWithoutSkippingOrRepeating() {
        String ops = Tokens.ops(newOrg());
        String id = newRig(ops, "antminer-s21", "MY");
        for (int i = 1; i <= 5; i++) {
            as(ops).body("{\"mac\":\"0c:42:a1:7f:00:1" + i + "\"}").put("/api/rigs/" + id + "/mac").then().statusCode(200);
        }
        String cursor = as(ops).queryParam("limit", 4).get("/api/rigs/" + id + "/history").then().statusCode(200)
                .body("items.kind[0]", equalTo("REGISTERED")).extract().path("nextCursor");
        as(ops).queryParam("limit", 4).queryParam("cursor", cursor).get("/api/rigs/" + id + "/history")
                .then().statusCode(200).body("items.to.mac", equalTo(List.of("0c:42:a1:7f:00:14", "0c:42:a1:7f:00:15")))
                .body("$", not(hasKey("nextCursor")));
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String ops = Tokens.ops(newOrg());
        String id = newRig(ops, "antminer-s21", "MY");
        as(ops).body("{\"to\":\"MAINTENANCE\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("to")));
        move(ops, id, "{\"to\":\"RETIRED\"}", 200);
        for (String to : List.of("RECEIVED", "RMA\",\"rmaTicket\":\"T1", "RETIRED")) {
            move(ops, id, "{\"to\":\"" + to + "\"}", 409);
        }
        as(ops).get("/api/rigs/" + id).then().body("status", equalTo("RETIRED"));
    }

    @Test
    void rmaNeedsATicketAndDeployingFromReceivedNeedsAPosition() {
        String ops = Tokens.ops(newOrg());
        String id = newRig(ops, "antminer-s21", "MY");
        as(ops).body("{\"to\":\"RMA\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", equalTo(List.of("rmaTicket")));
        as(ops).body("{\"to\":\"DEPLOYED\"}").post("/api/rigs/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", equalTo(List.of("position")));
    }

    @Test
    void anUnknownStatusIs400() {
        badlyAs(Tokens.ops(newOrg())).body("{\"to\":\"BROKEN\"}").post("/api/rigs/RIG-000000001/transitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("to")));
        badlyAs(Tokens.ops(newOrg())).queryParam("status", "BROKEN").get("/api/rigs")
                .then().statusCode(400).body("violations.field", equalTo(List.of("status")));
    }

    @Test
    void aPositionOutsideTheRackIs400() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + position(dal, "R1", 5) + "}")
                .post("/api/rigs/" + newRig(ops, "antminer-s21", "MY") + "/transitions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("position.slot")))
                .body("detail", containsString("1..4"));
    }

    @Test
    void aTransitionsErrorsNameTheFieldsItSent() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        deploy(ops, newRig(ops, "antminer-s21", "MY"), dal, "R1", 1);
        as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + position(dal, "R1", 1) + "}")
                .post("/api/rigs/" + newRig(ops, "antminer-s21", "MY") + "/transitions")
                .then().statusCode(409).body("violations.field", equalTo(List.of("position")));
    }

    @Test
    void aMoveToWhereTheRigStandsIs409AndRecordsNothing() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        String id = newRig(ops, "antminer-s21", "MY");
        deploy(ops, id, dal, "R1", 2);
        as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + position(dal, "R1", 2) + "}")
                .post("/api/rigs/" + id + "/transitions").then().statusCode(409)
                .body("violations.field", equalTo(List.of("position")))
                .body("violations[0].message", containsString("already stands"));
        as(ops).body("{\"placements\":[{\"rig\":\"" + id + "\",\"position\":" + position(dal, "R1", 2) + "}]}")
                .post("/api/rigs/deployments").then().statusCode(409)
                .body("violations.field", equalTo(List.of("placements[0].position")));
        as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then()
                .body("items.kind", equalTo(List.of("REGISTERED", "STATUS_CHANGED")));
    }

    @Test
    void aPositionSentWithAnythingButDeployedIs400() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        String id = newRig(ops, "antminer-s21", "MY");
        deploy(ops, id, dal, "R1", 2);
        as(ops).body("{\"to\":\"MAINTENANCE\",\"position\":" + position(dal, "R1", 3) + "}")
                .post("/api/rigs/" + id + "/transitions").then().statusCode(400)
                .body("violations.field", equalTo(List.of("position")));
        as(ops).get("/api/rigs/" + id).then().body("status", equalTo("DEPLOYED")).body("position.slot", equalTo(2));
    }

    @Test
    void aRetiredRigsMacAndLandedCostAre409() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String id = newRig(ops, "antminer-s21", "MY");
        move(ops, id, "{\"to\":\"RETIRED\",\"reason\":\"end of life\"}", 200);
        as(ops).body("{\"mac\":\"0c:42:a1:00:00:09\"}").put("/api/rigs/" + id + "/mac").then().statusCode(409)
                .body("violations.field", equalTo(List.of("mac")));
        as(Tokens.finance(org)).body("{\"landedCost\":{\"price\":5120,\"duty\":1280,\"fees\":17.74}}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(409)
                .body("violations.field", equalTo(List.of("landedCost")));
        as(ops).get("/api/rigs/" + id).then().body("$", not(hasKey("mac"))).body("$", not(hasKey("landedCost")));
    }

    @Test
    void aTakenPositionIs409() {
        String ops = Tokens.ops(newOrg());
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 4);
        deploy(ops, newRig(ops, "antminer-s21", "MY"), dal, "R1", 1);
        move(ops, newRig(ops, "antminer-s21", "MY"), "{\"to\":\"DEPLOYED\",\"position\":" + position(dal, "R1", 1) + "}", 409);
    }

    @Test
    void aSiteOverCapacityIs409UnlessOverriddenAndTheOverrideIsRecorded() {
        String ops = Tokens.ops(newOrg());
        String small = newCode();
        site(ops, small, 5);
        rack(ops, small, "R1", 4);
        deploy(ops, newRig(ops, "antminer-s21", "MY"), small, "R1", 1);
        String second = newRig(ops, "antminer-s21", "MY");

        as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + position(small, "R1", 2) + "}")
                .post("/api/rigs/" + second + "/transitions")
                .then().statusCode(409).body("violations.field", equalTo(List.of("capacityOverride")))
                .body("detail", containsString("7000 W of its 5000 W"))
                .body("detail", startsWith("capacityOverride must be true to deploy anyway: site " + small));
        move(ops, second, "{\"to\":\"DEPLOYED\",\"position\":" + position(small, "R1", 2)
                + ",\"capacityOverride\":true,\"reason\":\"temporary, second feed tomorrow\"}", 200);

        as(ops).get("/api/rigs/" + second + "/history").then().statusCode(200)
                .body("items[1].capacityOverride", equalTo(true))
                .body("items[1].reason", equalTo("temporary, second feed tomorrow"));
        as(ops).get("/api/sites/" + small).then().body("powerInUseKw", equalTo(7));
    }

    /**
     * A deployed rig moved to a position at another site: one MOVED event from the first site to the second,
     * the fleet summary by site counts it (rigs, kW) at the destination only, and a move to a site without
     * the capacity is 409 naming capacityOverride unless an override is given, which the MOVED event records
     * (issue 7, review R-7 defect 2).
     */
    @Test
    void aMoveBetweenSitesIsRecordedCountedAtTheDestinationAndCheckedAgainstItsCapacity() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        String aus = newCode();
        String small = newCode();
        site(ops, dal, 1000);
        site(ops, aus, 1000);
        site(ops, small, 5);
        rack(ops, dal, "R1", 4);
        rack(ops, aus, "R2", 4);
        rack(ops, small, "R3", 4);
        String id = newRig(ops, "antminer-s21", "MY");
        deploy(ops, id, dal, "R1", 1);
        deploy(ops, newRig(ops, "antminer-s21", "MY"), small, "R3", 1);

        move(ops, id, "{\"to\":\"DEPLOYED\",\"position\":" + position(aus, "R2", 3) + ",\"reason\":\"rebalance\"}", 200);
        JsonPath history = as(ops).get("/api/rigs/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("REGISTERED", "STATUS_CHANGED", "MOVED"), history.getList("items.kind"));
        assertEquals(dal, history.getString("items[2].from.position.site"));
        assertEquals("DEPLOYED", history.getString("items[2].from.status"));
        assertEquals(aus, history.getString("items[2].to.position.site"));
        assertEquals(3, history.getInt("items[2].to.position.slot"));
        assertFalse(history.getMap("items[2]").containsKey("capacityOverride"), "no override on a move within capacity");
        JsonPath summary = as(Tokens.finance(org)).queryParam("groupBy", "site").get("/api/fleet/summary")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> bySite = new TreeMap<>();
        for (int i = 0; i < summary.getList("groups").size(); i++) {
            bySite.put(summary.getString("groups[" + i + "].key.site"), summary.getString("groups[" + i + "].figures.rigCount")
                    + " rigs " + summary.getString("groups[" + i + "].figures.powerKw") + " kW");
        }
        assertEquals(new TreeMap<>(Map.of(aus, "1 rigs 3.5 kW", small, "1 rigs 3.5 kW")), bySite,
                "the rig counts at the destination only; the origin site has no group left");
        as(ops).get("/api/sites/" + dal).then().body("powerInUseKw", equalTo(0));
        as(ops).get("/api/sites/" + aus).then().body("powerInUseKw", equalTo(3.5f));

        as(ops).body("{\"to\":\"DEPLOYED\",\"position\":" + position(small, "R3", 2) + "}")
                .post("/api/rigs/" + id + "/transitions")
                .then().statusCode(409).body("violations.field", equalTo(List.of("capacityOverride")))
                .body("detail", containsString("7000 W of its 5000 W"));
        as(ops).get("/api/rigs/" + id).then().body("position.site", equalTo(aus));
        as(ops).get("/api/rigs/" + id + "/history").then().body("items.size()", equalTo(3));
        move(ops, id, "{\"to\":\"DEPLOYED\",\"position\":" + position(small, "R3", 2)
                + ",\"capacityOverride\":true,\"reason\":\"second feed tomorrow\"}", 200);
        as(ops).get("/api/rigs/" + id + "/history").then()
                .body("items.kind", equalTo(List.of("REGISTERED", "STATUS_CHANGED", "MOVED", "MOVED")))
                .body("items[3].from.position.site", equalTo(aus))
                .body("items[3].to.position.site", equalTo(small))
                .body("items[3].capacityOverride", equalTo(true))
                .body("items[3].reason", equalTo("second feed tomorrow"));
        as(Tokens.finance(org)).queryParam("groupBy", "site").get("/api/fleet/summary").then()
                .body("groups.key", equalTo(List.of(Map.of("site", small))))
                .body("groups[0].figures.rigCount", equalTo(2)).body("groups[0].figures.powerKw", equalTo(7));
        as(ops).get("/api/sites/" + aus).then().body("powerInUseKw", equalTo(0));
    }

    @Test
    void aMacSwapKeepsTheOldMacInTheHistoryAndLookupFindsOnlyTheCurrentOne() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String id = newRig(ops, "whatsminer-m60s", "CN");
        as(ops).body("{\"mac\":\"0C:42:A1:00:00:01\"}").put("/api/rigs/" + id + "/mac").then().statusCode(200)
                .body("mac", equalTo("0c:42:a1:00:00:01"));
        as(ops).body("{\"mac\":\"0c:42:a1:00:00:02\",\"reason\":\"control board swapped\"}").put("/api/rigs/" + id + "/mac")
                .then().statusCode(200);

        as(ops).queryParam("mac", "0c:42:a1:00:00:02").get("/api/rigs").then().body("items.id", equalTo(List.of(id)));
        as(ops).queryParam("mac", "0c:42:a1:00:00:01").get("/api/rigs").then().body("items.id", equalTo(List.of()));
        as(ops).get("/api/rigs/" + id + "/history").then()
                .body("items[2].from.mac", equalTo("0c:42:a1:00:00:01"))
                .body("items[2].to.mac", equalTo("0c:42:a1:00:00:02"));

        as(ops).body("{\"mac\":\"00:00:00:00:00:00\"}").put("/api/rigs/" + id + "/mac").then().statusCode(200)
                .body("$", not(hasKey("mac")));
    }

    @Test
    void aMalformedMacIs400() {
        badlyAs(Tokens.ops(newOrg())).body("{\"mac\":\"0c-42-a1-00-00-01\"}").put("/api/rigs/RIG-000000001/mac")
                .then().statusCode(400).body("violations.field", equalTo(List.of("mac")));
        badlyAs(Tokens.ops(newOrg())).queryParam("mac", "zz:42:a1:00:00:01").get("/api/rigs")
                .then().statusCode(400).body("violations.field", equalTo(List.of("mac")));
    }

    @Test
    void theLandedCostArrivesFromProcurementAndIsCorrectedLater() {
        String org = newOrg();
        String id = newRig(Tokens.ops(org), "antminer-s21-xp", "MY");
        as(Tokens.service("procurement-service"))
                .body("{\"organisation\":\"" + org + "\",\"landedCost\":{\"price\":5120,\"duty\":1112.32,\"fees\":17.74}}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200)
                .body("landedCost.duty", equalTo(1112.32f));
        as(Tokens.finance(org)).body("{\"landedCost\":{\"price\":5120,\"duty\":1280,\"fees\":17.74},\"reason\":\"entry allocation\"}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200).body("landedCost.duty", equalTo(1280.0f));
        as(Tokens.finance(org)).get("/api/rigs/" + id + "/history").then()
                .body("items[2].from.landedCost.duty", equalTo(1112.32f))
                .body("items[2].kind", equalTo("LANDED_COST_CHANGED"));
    }

    @Test
    void aServiceAccountMustNameTheOrganisationAndAnotherOrganisationsRigIs404() {
        String org = newOrg();
        String id = newRig(Tokens.ops(org), "antminer-s21", "MY");
        String cost = "\"landedCost\":{\"price\":1,\"duty\":0,\"fees\":0}";
        as(Tokens.service("procurement-service")).body("{" + cost + "}").put("/api/rigs/" + id + "/landed-cost")
                .then().statusCode(400).body("violations.field", equalTo(List.of("organisation")));
        as(Tokens.service("procurement-service")).body("{\"organisation\":\"" + newOrg() + "\"," + cost + "}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(404);
        as(Tokens.finance(newOrg())).body("{" + cost + "}").put("/api/rigs/" + id + "/landed-cost").then().statusCode(404);
        as(Tokens.ops(newOrg())).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + id + "/transitions").then().statusCode(404);
        as(Tokens.ops(newOrg())).get("/api/rigs/" + id + "/history").then().statusCode(404);
    }
}
