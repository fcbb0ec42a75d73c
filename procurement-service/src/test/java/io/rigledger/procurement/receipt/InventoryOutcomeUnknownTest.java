package io.rigledger.procurement.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.procurement.receipt.ReceiptTest.as;
import static io.rigledger.procurement.receipt.ReceiptTest.newOrg;
import static io.rigledger.procurement.receipt.ReceiptTest.receive;
import static io.rigledger.procurement.receipt.ReceiptTest.shipped;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * inventory-service answering a rig batch 503 outcome-unknown (its database connection broke during COMMIT, so
 * whether it registered the rigs is unknown, issue 11): the outbox sends the same batch again, which inventory-service
 * answers idempotently on (maker, serial), so every rig is registered exactly once under one asset id whether the lost
 * COMMIT stored it or not; while inventory-service keeps answering so, nothing is marked delivered. The fake's 503 is
 * checked against inventory.yaml (and every exchange after each test).
 */
@QuarkusTest
class InventoryOutcomeUnknownTest extends ReceiptTestBase {

    private static final String MAKER = "BITMAIN";

    private void assertEachRigRegisteredOnceUnderItsAssetId(String org, String location, String tag, int rigs) {
        JsonPath receipt = as(Tokens.ops(org)).get(location).then().statusCode(200)
                .body("registered", equalTo(rigs)).body("waiting", equalTo(0)).extract().jsonPath();
        for (int i = 0; i < rigs; i++) {
            assertEquals(upstreams.assetOf(org, MAKER, "SN-" + tag + "-" + (i + 1)), receipt.getString("rigs[" + i + "].assetId"));
        }
        assertEquals(rigs, upstreams.registrations(org).size());
        assertEquals(List.of(1), upstreams.registrations(org).values().stream().distinct().toList());
    }

    @Test
    void aBatchInventoryStoredButAnsweredOutcomeUnknownIsSentAgainAndEachRigRegisteredOnce() {
        String org = newOrg();
        String shipment = shipped(org, "OU", 4);
        upstreams.inventoryBatchOutcomeUnknown(1, true);
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(4, delivery.runOnce()); // the retry of the same batch is answered replayed, with the stored asset ids
        assertEquals(2, upstreams.batchBodies().stream().map(JsonPath::new).filter(b -> org.equals(b.getString("organisation"))).count());
        assertEachRigRegisteredOnceUnderItsAssetId(org, location, "OU", 4);
        assertEquals(0, delivery.runOnce());
    }

    @Test
    void aBatchInventoryDidNotStoreAndAnsweredOutcomeUnknownIsSentAgainAndEachRigRegisteredOnce() {
        String org = newOrg();
        String shipment = shipped(org, "ON", 3);
        upstreams.inventoryBatchOutcomeUnknown(1, false);
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(3, delivery.runOnce());
        assertEachRigRegisteredOnceUnderItsAssetId(org, location, "ON", 3);
    }

    @Test
    void whileInventoryAnswersOutcomeUnknownNothingIsMarkedDeliveredAndLaterEachRigIsRegisteredOnce() {
        String org = newOrg();
        String shipment = shipped(org, "OL", 3);
        upstreams.inventoryBatchOutcomeUnknown(4, true); // the first round and its retry, the second round and its retry
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(0, delivery.runOnce());
        circuits.resetAll();
        assertEquals(0, delivery.runOnce());
        as(Tokens.ops(org)).get(location).then().statusCode(200).body("registered", equalTo(0)).body("waiting", equalTo(3));
        circuits.resetAll();
        assertEquals(3, delivery.runOnce());
        assertEachRigRegisteredOnceUnderItsAssetId(org, location, "OL", 3);
    }
}
