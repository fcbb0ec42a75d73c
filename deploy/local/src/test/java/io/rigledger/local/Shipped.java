package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order of {@code count} rigs of one Malaysian line, placed, submitted, confirmed and shipped in
 * one shipment by serial (alice), at a site of its own (oscar): what the fault tests receive, and
 * how they count the rigs inventory-service holds for it.
 */
final class Shipped {

    final Calls calls;
    final String run;
    final String site;
    final String orderId;
    final String shipmentId;
    final List<String> serials;

    private Shipped(Calls calls, String run, String site, String orderId, String shipmentId, List<String> serials) {
        this.calls = calls;
        this.run = run;
        this.site = site;
        this.orderId = orderId;
        this.shipmentId = shipmentId;
        this.serials = serials;
    }

    /** A new site, an order of {@code count} rigs placed, submitted, confirmed and shipped. */
    static Shipped rigs(Calls calls, int count) {
        String run = Calls.runId();
        String site = "F" + run;
        ok(calls.inventory("oscar").body(object().put("name", "Fault hall " + run).put("state", "TX")
                .put("capacityKw", 100000).toString()).put("/api/sites/" + site), 200);
        String orderId = placeOrder(calls, site, count);
        String etag = calls.procurement("alice").get("/api/purchase-orders/" + orderId).header("ETag");
        for (String move : List.of("submit", "confirm")) {
            Response r = calls.procurement("alice").header("If-Match", etag).post("/api/purchase-orders/" + orderId + "/" + move);
            ok(r, 200);
            etag = r.header("ETag");
        }
        List<String> serials = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            serials.add("F" + run + "N" + i);
        }
        ObjectNode body = object().put("carrier", "Maersk").put("trackingNumber", "MAEU" + run)
                .put("transportMode", "OCEAN").put("exportDate", JourneyIT.EXPORT_DATE);
        ObjectNode line = body.putArray("lines").addObject().put("lineNumber", 1).put("quantity", count);
        ArrayNode rigs = line.putArray("rigs");
        serials.forEach(s -> rigs.addObject().put("serialNumber", s));
        JsonNode shipment = ok(calls.procurement("alice").header("If-Match", etag).body(body.toString())
                .post("/api/purchase-orders/" + orderId + "/shipments"), 201);
        return new Shipped(calls, run, site, orderId, shipment.get("id").asText(), serials);
    }

    /** alice's order of {@code count} Malaysian rigs for {@code site}; its id. */
    static String placeOrder(Calls calls, String site, int count) {
        ObjectNode order = object().put("supplier", "Bitmain").put("incoterm", "FOB")
                .put("expectedExportDate", JourneyIT.EXPORT_DATE).put("expectedEntryDate", JourneyIT.ENTRY_DATE)
                .put("transportMode", "OCEAN").put("destinationSite", site);
        order.putArray("lines").addObject().put("sku", Journey.MY_MODEL).put("plant", Journey.MY_PLANT)
                .put("quantity", count).put("unitPrice", Journey.MY_PRICE);
        return ok(calls.procurement("alice").body(order.toString()).post("/api/purchase-orders"), 201).get("id").asText();
    }

    /** alice receives {@code serials} at the site: the answer (201 expected by the caller) as it came. */
    Response receive(List<String> received) {
        return calls.procurement("alice").body(receiptBody(received)).post("/api/shipments/" + shipmentId + "/receipts");
    }

    /** As {@link #receive}, with the HTTP client's timeouts of {@code config}. */
    Response receiveWith(RestAssuredConfig config, String idempotencyKey, List<String> received) {
        return calls.procurement("alice").config(config).header("Idempotency-Key", idempotencyKey).body(receiptBody(received))
                .post("/api/shipments/" + shipmentId + "/receipts");
    }

    private String receiptBody(List<String> received) {
        ObjectNode body = object().put("site", site).put("receivedAt", "2025-09-16T14:05:00Z");
        body.set("serialNumbers", JourneyIT.array(received));
        return body.toString();
    }

    /** How many rigs inventory-service holds per serial of this order (every page, alice). */
    Map<String, Integer> inventoryCountBySerial() {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            var request = calls.inventory("alice").queryParam("purchaseOrderId", orderId).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode rigs = ok(request.get("/api/rigs"), 200);
            rigs.get("items").forEach(r -> counts.merge(r.get("serialNumber").asText(), 1, Integer::sum));
            cursor = rigs.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
        }
        return counts;
    }

    /** Every shipped serial exactly once in inventory, nothing else. */
    void assertEachRigOnceInInventory() {
        Map<String, Integer> counts = inventoryCountBySerial();
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "serials registered more than once");
        assertEquals(serials.size(), counts.size(), "rigs in inventory for order " + orderId);
        assertEquals(new TreeSet<>(serials), new TreeSet<>(counts.keySet()));
    }
}
