package io.rigledger.procurement.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Receiving rigs at a site: each rig goes to inventory-service through the outbox, and after an
 * outage, a late answer or a replica dying with its lease, every rig is registered exactly once.
 */
@QuarkusTest
class ReceiptTest extends ReceiptTestBase {

    @Inject
    RigOutbox outbox;

    @Inject
    DataSource database;

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification badlyAs(String token) {
        return given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A CONFIRMED order of {@code quantity} antminer-s21 from BITMAIN-MY at 4,000.00, all shipped as SN-{tag}-1..n; the shipment's id. */
    static String shipped(String org, String tag, int quantity) {
        String order = as(Tokens.operator(org)).body("""
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1",
                 "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":%d,"unitPrice":4000.00}]}""".formatted(quantity))
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + order + "/submit").then().statusCode(200);
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + order + "/confirm").then().statusCode(200);
        String rigs = IntStream.rangeClosed(1, quantity).mapToObj(i -> "{\"serialNumber\":\"SN-" + tag + "-" + i + "\"}")
                .collect(Collectors.joining(","));
        String location = as(Tokens.operator(org)).header("If-Match", "\"2\"").body("""
                {"carrier":"Maersk","trackingNumber":"MAEU1","transportMode":"OCEAN","exportDate":"2026-11-02",
                 "lines":[{"lineNumber":1,"quantity":%d,"rigs":[%s]}]}""".formatted(quantity, rigs))
                .post("/api/purchase-orders/" + order + "/shipments").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static Response receive(String org, String shipment, String body) {
        return badlyAs(Tokens.ops(org)).body(body).post("/api/shipments/" + shipment + "/receipts");
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    @Test
    void everyReceivedRigIsRegisteredOnceWithItsOrderLineAndLandedCostAndTheReceiptShowsItsAssetId() {
        String org = newOrg();
        String shipment = shipped(org, "A", 3);
        Response receipt = as(Tokens.ops(org)).body("{\"site\":\"DAL1\",\"receivedAt\":\"2026-12-16T14:05:00Z\"}")
                .post("/api/shipments/" + shipment + "/receipts");
        receipt.then().statusCode(201).body("orderStatus", equalTo("RECEIVED")).body("waiting", equalTo(3))
                .body("registered", equalTo(0)).body("rigs.status", everyItem(equalTo("RECEIVED")));
        assertEquals(3, delivery.runOnce());
        JsonPath after = as(Tokens.finance(org)).get(receipt.header("Location")).then().statusCode(200)
                .body("registered", equalTo(3)).body("waiting", equalTo(0))
                .body("rigs.assetId", everyItem(startsWith("RIG-"))).extract().jsonPath();
        assertEquals(upstreams.assetOf(org, "BITMAIN", "SN-A-2"), after.getString("rigs[1].assetId"));
        assertEquals(Map.of("BITMAIN|SN-A-1", 1, "BITMAIN|SN-A-2", 1, "BITMAIN|SN-A-3", 1), upstreams.registrations(org));
        JsonPath sent = new JsonPath(upstreams.batchBodies().get(upstreams.batchBodies().size() - 1));
        assertEquals(org, sent.getString("organisation"));
        assertEquals("BITMAIN-MY", sent.getString("rigs[0].plant"));
        assertEquals("MY", sent.getString("rigs[0].originCountry"));
        assertEquals(1, sent.getInt("rigs[0].orderLineNumber"));
        // the rigs' duty and fees add up to the line's (largest remainder over the line's rigs)
        JsonPath order = as(Tokens.ops(org)).get("/api/purchase-orders/" + sent.getString("rigs[0].purchaseOrderId")).jsonPath();
        BigDecimal duty = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            assertEquals(new BigDecimal("4000.00"), new BigDecimal(sent.getString("rigs[" + i + "].landedCost.price")).setScale(2));
            duty = duty.add(new BigDecimal(sent.getString("rigs[" + i + "].landedCost.duty")));
            fees = fees.add(new BigDecimal(sent.getString("rigs[" + i + "].landedCost.fees")));
        }
        assertEquals(new BigDecimal(order.getString("lines[0].estimatedDuty")).setScale(2), duty.setScale(2));
        assertEquals(new BigDecimal(order.getString("lines[0].estimatedFees")).setScale(2), fees.setScale(2));
        assertEquals("RECEIVED", order.getString("status"));
    }

    @Test
    void aPartialReceiptLeavesTheOrderPartiallyReceivedAndASerialIsReceivedOnce() {
        String org = newOrg();
        String shipment = shipped(org, "B", 2);
        String location = receive(org, shipment, "{\"site\":\"DAL1\",\"serialNumbers\":[\"SN-B-2\"]}").then().statusCode(201)
                .body("orderStatus", equalTo("PARTIALLY_RECEIVED")).body("rigs", hasSize(1)).extract().header("Location");
        receive(org, shipment, "{\"site\":\"DAL1\",\"serialNumbers\":[\"SN-B-2\"]}").then().statusCode(409)
                .body("violations[0].field", equalTo("serialNumbers[0]"));
        receive(org, shipment, "{\"site\":\"DAL1\",\"serialNumbers\":[\"SN-B-1\",\"SN-NOPE\"]}").then().statusCode(400)
                .body("violations[0].field", equalTo("serialNumbers[1]"));
        receive(org, shipment, "{\"site\":\"DAL1\",\"serialNumbers\":[\"SN-B-1\",\"SN-B-1\"]}").then().statusCode(400)
                .body("violations[0].field", equalTo("serialNumbers[1]"));
        receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).body("orderStatus", equalTo("RECEIVED"))
                .body("rigs[0].serialNumber", equalTo("SN-B-1"));
        receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(409);
        String stranger = newOrg();
        receive(stranger, shipment, "{\"site\":\"DAL1\"}").then().statusCode(404);
        badlyAs(Tokens.ops(stranger)).get(location).then().statusCode(404);
        badlyAs(Tokens.ops(org)).get("/api/receipts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anInventoryOutageDuringAReceiptLosesNoRigAndRegistersNoneTwice() {
        String org = newOrg();
        String shipment = shipped(org, "C", 5);
        upstreams.inventoryBatchDown(true);
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(0, delivery.runOnce());
        assertEquals(0, delivery.runOnce()); // due again at once in tests (backoff 0), still down
        as(Tokens.ops(org)).get(location).then().body("waiting", equalTo(5)).body("registered", equalTo(0));
        upstreams.inventoryBatchRecovers();
        circuits.resetAll();
        assertEquals(5, delivery.runOnce());
        assertEquals(0, delivery.runOnce());
        as(Tokens.ops(org)).get(location).then().body("registered", equalTo(5)).body("rigs.assetId", everyItem(startsWith("RIG-")));
        assertEquals(5, upstreams.registrations(org).size());
        assertEquals(List.of(1), upstreams.registrations(org).values().stream().distinct().toList());
    }

    @Test
    void inventoryRegisteringButOurRecordNotCommittingIsHealedByTheReplayWithTheSameAssetIds() {
        String org = newOrg();
        String shipment = shipped(org, "D", 4);
        upstreams.inventoryBatchAnswersLate(3_000); // registered there; we time out as if we had died before our commit
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(0, delivery.runOnce());
        assertEquals(4, upstreams.registrations(org).size());
        upstreams.inventoryBatchRecovers();
        circuits.resetAll();
        assertEquals(4, delivery.runOnce());
        JsonPath receipt = as(Tokens.ops(org)).get(location).jsonPath();
        for (int i = 0; i < 4; i++) {
            assertEquals(upstreams.assetOf(org, "BITMAIN", "SN-D-" + (i + 1)), receipt.getString("rigs[" + i + "].assetId"));
        }
        assertEquals(List.of(1), upstreams.registrations(org).values().stream().distinct().toList());
    }

    @Test
    void rowsAReplicaLeasedAndNeverDeliveredAreDeliveredOnceTheLeaseEnds() throws Exception {
        String org = newOrg();
        String shipment = shipped(org, "E", 3);
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        Instant now = Instant.now();
        assertEquals(3, outbox.claim(now, now.plusSeconds(3600), 500).size()); // a replica takes them, then dies
        assertEquals(0, delivery.runOnce());
        try (Connection c = database.getConnection();
             PreparedStatement lapse = c.prepareStatement("update rig_outbox set next_attempt_at = now() where org = ?")) {
            lapse.setString(1, org); // the lease runs out
            lapse.executeUpdate();
        }
        assertEquals(3, delivery.runOnce());
        as(Tokens.ops(org)).get(location).then().body("registered", equalTo(3));
        assertEquals(3, upstreams.registrations(org).size());
    }

    @Test
    void replicasDeliveringAtOnceRegisterEveryRigExactlyOnce() throws Exception {
        String org = newOrg();
        String shipment = shipped(org, "F", 30);
        receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Callable<Integer> round = delivery::runOnce;
            rounds.add(pool.submit(round));
        }
        int confirmed = 0;
        for (Future<Integer> f : rounds) {
            confirmed += f.get();
        }
        pool.shutdown();
        assertEquals(30, confirmed);
        assertEquals(30, upstreams.registrations(org).size());
        long posted = upstreams.batchBodies().stream().map(JsonPath::new)
                .filter(b -> org.equals(b.getString("organisation"))).mapToLong(b -> b.getList("rigs").size()).sum();
        assertEquals(30, posted);
    }

    @Test
    void aRigInventoryHoldsInRmaIsReceivedOntoItsExistingAssetAndIsReceivedAgain() {
        String org = newOrg();
        upstreams.inventoryHolds(org, "BITMAIN", "SN-G-1", "RIG-000000042", "RMA");
        String shipment = shipped(org, "G", 2);
        String location = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
        assertEquals(2, delivery.runOnce());
        as(Tokens.ops(org)).get(location).then().body("rigs[0].assetId", equalTo("RIG-000000042")).body("registered", equalTo(2));
        assertEquals(Map.of("BITMAIN|SN-G-2", 1), upstreams.registrations(org));
        assertEquals("RECEIVED", upstreams.inventoryStatus(org, "BITMAIN", "SN-G-1"));
        assertEquals(location.substring(location.lastIndexOf('/') + 1), upstreams.rmaReturnOf(org, "BITMAIN", "SN-G-1"));
    }

    @Test
    void aRigWeReceivedThenSentToRmaShipsAgainOnANewOrderAndComesBackOntoItsAsset() {
        String org = newOrg();
        String first = shipped(org, "H", 1);
        receive(org, first, "{\"site\":\"DAL1\"}").then().statusCode(201);
        assertEquals(1, delivery.runOnce());
        String asset = upstreams.assetOf(org, "BITMAIN", "SN-H-1");
        upstreams.inventoryMoves(org, "BITMAIN", "SN-H-1", "RMA");
        // the maker repaired it: it ships back with the same serial on a new order (was 409 "already shipped")
        String again = shipped(org, "H", 1);
        String location = receive(org, again, "{\"site\":\"DAL2\"}").then().statusCode(201)
                .body("rigs[0].status", equalTo("RECEIVED")).extract().header("Location");
        assertEquals(1, delivery.runOnce());
        as(Tokens.ops(org)).get(location).then().body("rigs[0].assetId", equalTo(asset)).body("site", equalTo("DAL2"))
                .body("registered", equalTo(1));
        assertEquals(Map.of("BITMAIN|SN-H-1", 1), upstreams.registrations(org));
        assertEquals("RECEIVED", upstreams.inventoryStatus(org, "BITMAIN", "SN-H-1"));
        // the first receipt still shows the rig as it was received then
        as(Tokens.ops(org)).get("/api/shipments/" + first).then().statusCode(200).body("lines[0].rigs[0].assetId", equalTo(asset));
    }

    @Test
    void aSerialStillInTransitOnAnotherShipmentIs409EvenAfterAnEarlierReceipt() {
        String org = newOrg();
        String first = shipped(org, "K", 1);
        receive(org, first, "{\"site\":\"DAL1\"}").then().statusCode(201);
        shipped(org, "K", 1);
        String order = as(Tokens.operator(org)).body("""
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1",
                 "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":1,"unitPrice":4000.00}]}""")
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + order + "/submit").then().statusCode(200);
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + order + "/confirm").then().statusCode(200);
        badlyAs(Tokens.operator(org)).header("If-Match", "\"2\"").body("""
                {"carrier":"Maersk","trackingNumber":"MAEU2","transportMode":"OCEAN","exportDate":"2026-11-02",
                 "lines":[{"lineNumber":1,"quantity":1,"rigs":[{"serialNumber":"SN-K-1"}]}]}""")
                .post("/api/purchase-orders/" + order + "/shipments").then().statusCode(409)
                .body("violations[0].field", equalTo("lines[0].rigs[0].serialNumber"));
    }
}
