package io.rigledger.procurement.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static io.rigledger.procurement.receipt.ReceiptTest.as;
import static io.rigledger.procurement.receipt.ReceiptTest.badlyAs;
import static io.rigledger.procurement.receipt.ReceiptTest.newOrg;
import static io.rigledger.procurement.receipt.ReceiptTest.receive;
import static io.rigledger.procurement.receipt.ReceiptTest.shipped;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A serial already in the fleet (received on an earlier order, never in RMA) shipped again on another
 * order: 409 at the shipment, naming the serial with its asset id and status; a rig in RMA ships again
 * (a return); inventory-service down when it must be asked: 503. At the receipt, a rig that left RMA
 * after it shipped is REFUSED with inventory-service's reason, while a return whose first answer was
 * lost is still received onto its asset (inventory answers a replay of the same receipt as a return).
 * inventory-service is a fake held to its contract.
 */
@QuarkusTest
class RigInTheFleetShippedAgainTest extends ReceiptTestBase {

    /** A CONFIRMED order of {@code quantity} antminer-s21 from BITMAIN-MY (ETag "2"); its id. */
    private static String confirmedOrder(String org, int quantity) {
        String order = as(Tokens.operator(org)).body("""
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1",
                 "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":%d,"unitPrice":4000.00}]}""".formatted(quantity))
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + order + "/submit").then().statusCode(200);
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + order + "/confirm").then().statusCode(200);
        return order;
    }

    /** Ships these serials on line 1 of a CONFIRMED order (If-Match "2"); the answer as it is. */
    private static Response ship(String org, String order, String... serials) {
        String rigs = Arrays.stream(serials).map(s -> "{\"serialNumber\":\"" + s + "\"}").collect(Collectors.joining(","));
        return badlyAs(Tokens.operator(org)).header("If-Match", "\"2\"").body("""
                {"carrier":"Maersk","trackingNumber":"MAEU9","transportMode":"OCEAN","exportDate":"2026-11-02",
                 "lines":[{"lineNumber":1,"quantity":%d,"rigs":[%s]}]}""".formatted(serials.length, rigs))
                .post("/api/purchase-orders/" + order + "/shipments");
    }

    /** Ships SN-{tag}-1 on a first order, receives it and has inventory register it; its asset id. */
    private String inTheFleet(String org, String tag) {
        receive(org, shipped(org, tag, 1), "{\"site\":\"DAL1\"}").then().statusCode(201);
        deliverAll();
        return upstreams.assetOf(org, "BITMAIN", "SN-" + tag + "-1");
    }

    @Test
    void aRigInTheFleetShippedOnAnotherOrderIs409NamingItsSerialWithItsAssetIdAndStatusAndNothingIsRecorded() {
        String org = newOrg();
        String asset = inTheFleet(org, "F");
        upstreams.inventoryMoves(org, "BITMAIN", "SN-F-1", "DEPLOYED");
        String order = confirmedOrder(org, 2);

        ship(org, order, "SN-F-9", "SN-F-1").then().statusCode(409)
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("lines[0].rigs[1].serialNumber"))
                .body("violations[0].message", allOf(containsString(asset), containsString("DEPLOYED"), containsString("RMA")));
        as(Tokens.operator(org)).get("/api/purchase-orders/" + order).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).header("ETag", equalTo("\"2\""));
        assertEquals(1, upstreams.fleetLookups().size(), "only the serial received before was looked up");
        assertEquals(Map.of("BITMAIN|SN-F-1", 1), upstreams.registrations(org));
        ship(org, order, "SN-F-8", "SN-F-9").then().statusCode(201);
    }

    @Test
    void aRigInRmaShipsAgainAndAShipmentOfSerialsNeverReceivedAsksInventoryNothing() {
        String org = newOrg();
        String asset = inTheFleet(org, "G");
        assertEquals(0, upstreams.fleetLookups().size());
        upstreams.inventoryMoves(org, "BITMAIN", "SN-G-1", "RMA");

        String location = ship(org, confirmedOrder(org, 1), "SN-G-1").then().statusCode(201).extract().header("Location");
        assertEquals(1, upstreams.fleetLookups().size());
        String receipt = receive(org, location.substring(location.lastIndexOf('/') + 1), "{\"site\":\"DAL2\"}").then()
                .statusCode(201).extract().path("id");
        deliverAll();
        as(Tokens.ops(org)).get("/api/receipts/" + receipt).then().statusCode(200)
                .body("rigs[0].status", equalTo("REGISTERED")).body("rigs[0].assetId", equalTo(asset));
        assertEquals("RECEIVED", upstreams.inventoryStatus(org, "BITMAIN", "SN-G-1"));
    }

    @Test
    void inventoryDownWhenASerialReceivedBeforeShipsAgainIs503AndNothingIsRecorded() {
        String org = newOrg();
        inTheFleet(org, "H");
        upstreams.inventoryLookupDown();
        String order = confirmedOrder(org, 1);

        ship(org, order, "SN-H-1").then().statusCode(503).contentType("application/problem+json");
        as(Tokens.operator(org)).get("/api/purchase-orders/" + order).then().body("status", equalTo("CONFIRMED"))
                .header("ETag", equalTo("\"2\""));
        int asked = upstreams.fleetLookups().size();
        ship(org, order, "SN-H-2").then().statusCode(201);
        assertEquals(asked, upstreams.fleetLookups().size(), "a serial never received is not looked up");
    }

    @Test
    void aRigThatLeftRmaAfterItShippedIsRefusedOnTheReceiptWithInventorysReasonNotRegisteredWithItsOldAsset() {
        String org = newOrg();
        String first = shipped(org, "K", 1);
        String firstOrder = as(Tokens.ops(org)).get("/api/shipments/" + first).then().statusCode(200).extract().path("orderId");
        receive(org, first, "{\"site\":\"DAL1\"}").then().statusCode(201);
        deliverAll();
        String asset = upstreams.assetOf(org, "BITMAIN", "SN-K-1");
        upstreams.inventoryMoves(org, "BITMAIN", "SN-K-1", "RMA");
        String location = ship(org, confirmedOrder(org, 1), "SN-K-1").then().statusCode(201).extract().header("Location");
        String again = location.substring(location.lastIndexOf('/') + 1);
        // before it arrives, inventory takes the rig out of RMA by hand: the fleet holds it again
        upstreams.inventoryMoves(org, "BITMAIN", "SN-K-1", "RECEIVED");

        String receipt = receive(org, again, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().path("id");
        deliverAll();
        JsonPath view = as(Tokens.ops(org)).get("/api/receipts/" + receipt).then().statusCode(200)
                .body("rigs[0].serialNumber", equalTo("SN-K-1")).body("rigs[0].status", equalTo("REFUSED"))
                .body("rigs[0]", not(hasKey("assetId"))).body("rigs[0].reason", containsString(asset))
                .body("rigs[0].reason", containsString(firstOrder))
                .body("registered", equalTo(0)).body("waiting", equalTo(0)).extract().jsonPath();
        as(Tokens.ops(org)).get("/api/shipments/" + again).then().statusCode(200)
                .body("lines[0].rigs[0].status", equalTo("REFUSED")).body("lines[0].rigs[0]", not(hasKey("assetId")))
                .body("lines[0].rigs[0].reason", containsString(asset));
        assertEquals(Map.of("BITMAIN|SN-K-1", 1), upstreams.registrations(org), view.prettify());
    }

    @Test
    void anRmaReturnWhoseFirstAnswerWasLostIsStillReceivedOntoItsAssetNotRefused() {
        String org = newOrg();
        String asset = inTheFleet(org, "L");
        upstreams.inventoryMoves(org, "BITMAIN", "SN-L-1", "RMA");
        String location = ship(org, confirmedOrder(org, 1), "SN-L-1").then().statusCode(201).extract().header("Location");
        upstreams.inventoryBatchAnswersLate(3_000); // inventory moves it RMA -> RECEIVED; its answer never reaches us
        String receipt = receive(org, location.substring(location.lastIndexOf('/') + 1), "{\"site\":\"DAL2\"}").then()
                .statusCode(201).extract().path("id");
        assertEquals(0, delivery.runOnce());
        assertEquals("RECEIVED", upstreams.inventoryStatus(org, "BITMAIN", "SN-L-1"));
        upstreams.inventoryBatchRecovers();
        circuits.resetAll();

        assertEquals(1, delivery.runOnce()); // the outbox retries: inventory answers the same receipt's return again
        as(Tokens.ops(org)).get("/api/receipts/" + receipt).then().statusCode(200)
                .body("rigs[0].status", equalTo("REGISTERED")).body("rigs[0].assetId", equalTo(asset))
                .body("rigs[0]", not(hasKey("reason"))).body("registered", equalTo(1));
        assertEquals(receipt, upstreams.rmaReturnOf(org, "BITMAIN", "SN-L-1"));
    }
}
