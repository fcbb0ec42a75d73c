package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another organisation against northwind's finished journey: bob (operator of southpeak, realm file)
 * and southpeak's finance and ops people ({@link #BOB_FINANCE}, {@link #BOB_OPS}, added to this run's
 * realm by {@link Realm#addPerson}: the realm file has no finance or ops person of southpeak). Every
 * id of the journey answers them 404 problem+json exactly as a made-up id of the same shape; every
 * list they may read shows none of northwind's ids, serials, asset ids, entry number or site code
 * (while it shows southpeak's own site and order, so an answer that lists nothing cannot pass); their
 * writes to northwind's ids answer as to a made-up id and leave northwind's order, shipment, receipt,
 * entry, reconciliation, rigs and racks as alice, fiona and oscar read them before.
 */
final class JourneyBob {

    static final String BOB = "bob";
    static final String BOB_FINANCE = "bob-finance";
    static final String BOB_OPS = "bob-ops";
    static final String SOUTHPEAK = "southpeak";
    /** An asset id of the contract's shape that inventory-service never issued in a test run. */
    private static final String MADE_UP_RIG = "RIG-999999999";
    private static final List<String> GROUPINGS = List.of("order", "shipment", "entry", "origin", "program", "manufacturer");
    private static final int MAX_PAGES = 100;

    private final Calls calls;
    private final Journey j;
    private final JourneyRigs rigs;
    /** southpeak's own site (bob-ops), with rack R1. */
    private final String bobSite;
    /** A site code of the journey site's shape that no organisation has. */
    private final String madeUpSite;
    /** Every text of northwind's journey that must not reach southpeak. */
    private final List<String> marks = new ArrayList<>();
    private String bobOrder;

    JourneyBob(Calls calls, JourneyRigs rigs) throws Exception {
        this.calls = calls;
        this.rigs = rigs;
        this.j = rigs.journey();
        this.bobSite = "S" + j.run;
        this.madeUpSite = "X" + j.run;
        Realm.addPerson(calls.settings(), BOB_FINANCE, SOUTHPEAK, "finance");
        Realm.addPerson(calls.settings(), BOB_OPS, SOUTHPEAK, "ops");
        marks.addAll(List.of(j.orderId(), id(j.shipment), id(j.receipt), id(j.quote), j.entryId(), j.entryNumber,
                j.entryNumber.replace("-", ""), j.site, "ACH-" + j.run, "MAEU" + j.run));
        marks.addAll(j.mySerials);
        marks.addAll(j.cnSerials);
        marks.addAll(rigs.assetIds());
    }

    /** bob-ops builds southpeak's own site with a rack; bob orders one rig for it. */
    void southpeakHasASiteAndAnOrderOfItsOwn() {
        ok(calls.inventory(BOB_OPS).body(object().put("name", "Southpeak hall " + j.run).put("state", "WY")
                .put("capacityKw", 500).toString()).put("/api/sites/" + bobSite), 200);
        ok(calls.inventory(BOB_OPS).body(object().put("row", "A").put("slots", 10).toString())
                .put("/api/sites/" + bobSite + "/racks/R1"), 200);
        bobOrder = ok(calls.procurement(BOB).body(PlatformFaultsIT.orderBody(bobSite)).post("/api/purchase-orders"), 201)
                .get("id").asText();
    }

    /** GET on every id of the journey: the same 404 problem as a made-up id of the same shape. */
    void getsTheSame404AsAMadeUpIdOnEveryId() {
        String order = j.orderId();
        String other = UUID.randomUUID().toString();
        for (String path : List.of("/api/purchase-orders/{id}", "/api/purchase-orders/{id}/landed-cost",
                "/api/purchase-orders/{id}/shipments")) {
            sameAsMissing("GET " + path, get(calls.procurement(BOB), path, order), order, get(calls.procurement(BOB), path, other), other);
        }
        sameAsMissing("GET shipment", get(calls.procurement(BOB), "/api/shipments/{id}", id(j.shipment)), id(j.shipment),
                get(calls.procurement(BOB), "/api/shipments/{id}", other), other);
        sameAsMissing("GET receipt", get(calls.procurement(BOB), "/api/receipts/{id}", id(j.receipt)), id(j.receipt),
                get(calls.procurement(BOB), "/api/receipts/{id}", other), other);
        for (String path : List.of("/api/entries/{id}", "/api/entries/{id}/allocation", "/api/entries/{id}/history")) {
            for (String user : List.of(BOB, BOB_FINANCE)) {
                sameAsMissing(user + " GET " + path, get(calls.tariff(user), path, j.entryId()), j.entryId(),
                        get(calls.tariff(user), path, other), other);
            }
        }
        sameAsMissing("GET quote", get(calls.tariff(BOB), "/api/duty-quotes/{id}", id(j.quote)), id(j.quote),
                get(calls.tariff(BOB), "/api/duty-quotes/{id}", other), other);
        for (String rig : rigs.assetIds()) {
            for (String path : List.of("/api/rigs/{id}", "/api/rigs/{id}/history")) {
                sameAsMissing("GET " + path, get(calls.inventory(BOB_OPS), path, rig), rig,
                        get(calls.inventory(BOB_OPS), path, MADE_UP_RIG), MADE_UP_RIG);
            }
        }
        for (String path : List.of("/api/sites/{id}", "/api/sites/{id}/racks", "/api/sites/{id}/history")) {
            sameAsMissing("GET " + path, get(calls.inventory(BOB_OPS), path, j.site), j.site,
                    get(calls.inventory(BOB_OPS), path, madeUpSite), madeUpSite);
        }
    }

    /**
     * Every list southpeak's people may read, as each of them, every page: none of northwind's marks
     * in the body; the same request shows northwind's person the journey (orders, entries, rigs
     * export, reconciliation), and southpeak's own site and order show on southpeak's lists.
     */
    void listsNoneOfNorthwindsData() {
        UnaryOperator<RequestSpecification> sinceTheJourney = r -> r.queryParam("createdFrom", j.order.get("createdAt").asText());
        assertTrue(pages(calls::procurement, "alice", "/api/purchase-orders", sinceTheJourney).contains(j.orderId()),
                "alice lists the journey's order");
        String bobsOrders = pages(calls::procurement, BOB, "/api/purchase-orders", sinceTheJourney);
        assertTrue(bobsOrders.contains(bobOrder), "bob lists his own order: " + bobsOrders);
        noMark("bob's orders since the journey's", bobsOrders);
        noMark("bob's orders", pages(calls::procurement, BOB, "/api/purchase-orders", UnaryOperator.identity()));

        UnaryOperator<RequestSpecification> ofTheOrder = r -> r.queryParam("purchaseOrderId", j.orderId());
        assertTrue(pages(calls::tariff, "fiona", "/api/entries", ofTheOrder).contains(j.entryId()), "fiona lists the entry");
        for (String user : List.of(BOB, BOB_FINANCE)) {
            noMark(user + "'s entries of northwind's order", pages(calls::tariff, user, "/api/entries", ofTheOrder));
            noMark(user + "'s entries", pages(calls::tariff, user, "/api/entries", UnaryOperator.identity()));
            noMark(user + "'s deadlines", pages(calls::tariff, user, "/api/deadlines", r -> r.queryParam("within", "3650d")));
            reconciliation(user);
        }
        noMark("bob-finance's IEEPA refunds", pages(calls::tariff, BOB_FINANCE, "/api/ieepa-refunds", UnaryOperator.identity()));
        Response cape = calls.tariff(BOB_FINANCE).accept("application/zip").get("/api/ieepa-refunds/cape-files");
        assertEquals(200, cape.statusCode(), cape.asString());
        noMark("bob-finance's CAPE files", unzip(cape.asByteArray()));

        for (String user : List.of(BOB, BOB_FINANCE, BOB_OPS)) {
            noMark(user + "'s rigs", pages(calls::inventory, user, "/api/rigs", UnaryOperator.identity()));
            JsonNode ofOrder = ok(calls.inventory(user).queryParam("purchaseOrderId", j.orderId()).get("/api/rigs"), 200);
            assertEquals(0, ofOrder.get("items").size(), user + " lists none of northwind's rigs: " + ofOrder);
            noMark(user + "'s rig export", csv(calls.inventory(user), "/api/rigs/export"));
            noMark(user + "'s rig export of northwind's order", csv(calls.inventory(user).queryParam("purchaseOrderId", j.orderId()),
                    "/api/rigs/export"));
            for (String groupBy : List.of("site,status", "site", "manufacturer,model,originCountry")) {
                JsonNode summary = ok(calls.inventory(user).queryParam("groupBy", groupBy).get("/api/fleet/summary"), 200);
                noMark(user + "'s fleet summary by " + groupBy, summary.toString());
                assertEquals(0, summary.at("/totals/rigCount").asInt(), "southpeak holds no rig: " + summary);
            }
            String sites = pages(calls::inventory, user, "/api/sites", UnaryOperator.identity());
            assertTrue(sites.contains(bobSite), user + " lists southpeak's own site: " + sites);
            noMark(user + "'s sites", sites);
        }
        String northwindExport = csv(calls.inventory("oscar").queryParam("purchaseOrderId", j.orderId()), "/api/rigs/export");
        j.mySerials.forEach(s -> assertTrue(northwindExport.contains(s), "oscar's export has " + s + ": " + northwindExport));
    }

    /**
     * Reconciliation by every grouping, JSON and CSV, over the journey's date of entry: fiona's has the
     * journey's rows, southpeak's (which filed no entry in this run) has no row and none of the marks.
     */
    private void reconciliation(String user) {
        for (String groupBy : GROUPINGS) {
            UnaryOperator<RequestSpecification> query = r -> r.queryParam("groupBy", groupBy)
                    .queryParam("from", JourneyIT.ENTRY_DATE).queryParam("to", JourneyIT.ENTRY_DATE);
            JsonNode fiona = ok(query.apply(calls.tariff("fiona")).get("/api/reconciliation"), 200);
            assertTrue(fiona.get("rows").size() > 0, "fiona's reconciliation by " + groupBy + " has the journey: " + fiona);
            JsonNode theirs = ok(query.apply(calls.tariff(user)).get("/api/reconciliation"), 200);
            noMark(user + "'s reconciliation by " + groupBy, theirs.toString());
            assertEquals(0, theirs.get("rows").size(), user + "'s reconciliation by " + groupBy + ": " + theirs);
            String csv = csv(query.apply(calls.tariff(user)), "/api/reconciliation");
            noMark(user + "'s reconciliation CSV by " + groupBy, csv);
            assertEquals(1, csv.lines().count(), user + "'s reconciliation CSV by " + groupBy + " is its header: " + csv);
        }
    }

    /**
     * bob confirms, cancels and ships northwind's order and receives its shipment; bob-finance pays
     * its entry, sets a reconciliation reason on its order's row and a rig's landed cost; bob-ops
     * moves, deploys and re-MACs its rigs and puts a rack in its site. Each answers exactly as the same
     * request with a made-up id (404; the reason, which is kept per organisation, 200 for both), and
     * northwind's data reads the same afterwards.
     */
    void writesToNorthwindsIdsAnswer404AndChangeNothing() {
        Map<String, String> before = northwindAsItIs();
        String order = j.orderId();
        String etag = calls.procurement("alice").get("/api/purchase-orders/" + order).header("ETag");
        String other = UUID.randomUUID().toString();
        for (String move : List.of("confirm", "cancel")) {
            String path = "/api/purchase-orders/{id}/" + move;
            sameAsMissing("POST " + path, post(calls.procurement(BOB).header("If-Match", etag), path, order, null), order,
                    post(calls.procurement(BOB).header("If-Match", etag), path, other, null), other);
        }
        ObjectNode shipment = object().put("carrier", "Maersk").put("trackingNumber", "BOB" + j.run)
                .put("transportMode", "OCEAN").put("exportDate", JourneyIT.EXPORT_DATE);
        shipment.putArray("lines").addObject().put("lineNumber", 1).put("quantity", 1)
                .putArray("rigs").addObject().put("serialNumber", "B" + j.run + "1");
        String ship = "/api/purchase-orders/{id}/shipments";
        sameAsMissing("POST " + ship, post(calls.procurement(BOB).header("If-Match", etag), ship, order, shipment), order,
                post(calls.procurement(BOB).header("If-Match", etag), ship, other, shipment), other);
        ObjectNode receipt = object().put("site", j.site).put("receivedAt", "2025-09-17T09:00:00Z");
        String receive = "/api/shipments/{id}/receipts";
        sameAsMissing("POST " + receive, post(calls.procurement(BOB), receive, id(j.shipment), receipt), id(j.shipment),
                post(calls.procurement(BOB), receive, other, receipt), other);

        ObjectNode payment = object().put("amount", new BigDecimal("1.00")).put("paidOn", "2025-09-26").put("achReference", "BOB-" + j.run);
        String pay = "/api/entries/{id}/payments";
        sameAsMissing("POST " + pay, post(calls.tariff(BOB_FINANCE), pay, j.entryId(), payment), j.entryId(),
                post(calls.tariff(BOB_FINANCE), pay, other, payment), other);
        reasonOnNorthwindsRowIsSouthpeaksOwn(other);

        String rig = rigs.assetIds().get(0);
        ObjectNode toMaintenance = object().put("to", "MAINTENANCE").put("reason", "bob was here");
        String transition = "/api/rigs/{id}/transitions";
        sameAsMissing("POST " + transition, post(calls.inventory(BOB_OPS), transition, rig, toMaintenance), rig,
                post(calls.inventory(BOB_OPS), transition, MADE_UP_RIG, toMaintenance), MADE_UP_RIG);
        sameAsMissing("POST /api/rigs/deployments", deploy(rig), rig, deploy(MADE_UP_RIG), MADE_UP_RIG);
        ObjectNode mac = object().put("mac", "0c:42:a1:7f:00:99").put("reason", "bob was here");
        sameAsMissing("PUT mac", put(calls.inventory(BOB_OPS), "/api/rigs/{id}/mac", rig, mac), rig,
                put(calls.inventory(BOB_OPS), "/api/rigs/{id}/mac", MADE_UP_RIG, mac), MADE_UP_RIG);
        ObjectNode cost = object().put("reason", "bob was here");
        cost.putObject("landedCost").put("price", new BigDecimal("1.00")).put("duty", new BigDecimal("0.00"))
                .put("fees", new BigDecimal("0.00"));
        sameAsMissing("PUT landed cost", put(calls.inventory(BOB_FINANCE), "/api/rigs/{id}/landed-cost", rig, cost), rig,
                put(calls.inventory(BOB_FINANCE), "/api/rigs/{id}/landed-cost", MADE_UP_RIG, cost), MADE_UP_RIG);
        ObjectNode rack = object().put("row", "B").put("slots", 20);
        sameAsMissing("PUT rack", put(calls.inventory(BOB_OPS), "/api/sites/{id}/racks/R9", j.site, rack), j.site,
                put(calls.inventory(BOB_OPS), "/api/sites/{id}/racks/R9", madeUpSite, rack), madeUpSite);

        assertEquals(before, northwindAsItIs(), "northwind's data after southpeak's writes");
    }

    /**
     * A reconciliation reason is kept per organisation, grouping and group: bob-finance's reason for
     * northwind's order's row is answered as for a made-up group (200, southpeak's own) and reaches
     * neither fiona's row (compared in {@link #northwindAsItIs}) nor southpeak's reconciliation.
     */
    private void reasonOnNorthwindsRowIsSouthpeaksOwn(String madeUpGroup) {
        JsonNode rows = ok(calls.tariff("fiona").queryParam("groupBy", "order").queryParam("from", JourneyIT.ENTRY_DATE)
                .queryParam("to", JourneyIT.ENTRY_DATE).get("/api/reconciliation"), 200).get("rows");
        JsonNode row = null;
        for (JsonNode r : rows) {
            row = row == null && j.orderId().equals(r.get("group").asText()) ? r : row;
        }
        assertTrue(row != null, "fiona's reconciliation has a row of the journey's order: " + rows);
        List<JsonNode> kept = new ArrayList<>();
        for (String group : List.of(j.orderId(), madeUpGroup)) {
            ObjectNode reason = object().put("groupBy", "order").put("group", group).put("program", row.get("program").asText())
                    .put("heading", row.get("heading").asText()).put("reason", "bob was here");
            ObjectNode answer = (ObjectNode) ok(calls.tariff(BOB_FINANCE).body(reason.toString()).put("/api/reconciliation/reasons"), 200);
            answer.remove("setAt");
            answer.put("group", "{group}");
            kept.add(answer);
        }
        assertEquals(kept.get(1), kept.get(0), "northwind's order answered as a made-up group");
    }

    private Response deploy(String rig) {
        ObjectNode body = object().put("reason", "bob was here");
        body.putArray("placements").addObject().put("rig", rig)
                .set("position", object().put("site", bobSite).put("rack", "R1").put("slot", 1));
        return calls.inventory(BOB_OPS).body(body.toString()).post("/api/rigs/deployments");
    }

    /** What alice, fiona and oscar read of the journey, by what: the bodies (the order with its ETag). */
    private Map<String, String> northwindAsItIs() {
        Map<String, String> now = new LinkedHashMap<>();
        Response order = calls.procurement("alice").get("/api/purchase-orders/" + j.orderId());
        now.put("order", order.header("ETag") + " " + ok(order, 200));
        now.put("landed cost", ok(calls.procurement("alice").get("/api/purchase-orders/" + j.orderId() + "/landed-cost"), 200).toString());
        now.put("shipments", ok(calls.procurement("alice").get("/api/purchase-orders/" + j.orderId() + "/shipments"), 200).toString());
        now.put("receipt", ok(calls.procurement("alice").get("/api/receipts/" + id(j.receipt)), 200).toString());
        now.put("entry", ok(calls.tariff("fiona").get("/api/entries/" + j.entryId()), 200).toString());
        now.put("reconciliation", ok(calls.tariff("fiona").queryParam("groupBy", "order").queryParam("from", JourneyIT.ENTRY_DATE)
                .queryParam("to", JourneyIT.ENTRY_DATE).get("/api/reconciliation"), 200).toString());
        for (String rig : rigs.assetIds()) {
            now.put(rig, ok(calls.inventory("oscar").get("/api/rigs/" + rig), 200).toString());
        }
        now.put("racks", ok(calls.inventory("oscar").get("/api/sites/" + j.site + "/racks"), 200).toString());
        return now;
    }

    /**
     * The two answers are the same 404 problem+json: type, title, status, detail, instance and
     * violations equal once each names its id as {id} (the correlation id differs by nature).
     */
    private static void sameAsMissing(String what, Response northwinds, String id, Response madeUp, String madeUpId) {
        assertEquals(404, northwinds.statusCode(), what + " on northwind's " + id + ": " + northwinds.asString());
        assertEquals("application/problem+json", northwinds.contentType().split(";")[0], what);
        assertEquals(404, madeUp.statusCode(), what + " on made-up " + madeUpId + ": " + madeUp.asString());
        assertEquals(problem(madeUp, madeUpId), problem(northwinds, id), what + ": northwind's id answers as a made-up one");
    }

    private static JsonNode problem(Response r, String id) {
        ObjectNode p = (ObjectNode) Calls.json(r);
        p.remove("correlationId");
        try {
            return Calls.MONEY.readTree(p.toString().replace(id, "{id}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void noMark(String what, String body) {
        for (String mark : marks) {
            assertFalse(body.contains(mark), what + " shows northwind's " + mark + ": " + body);
        }
    }

    /** Every page of a list (limit 1000, following nextCursor) as {@code user}, the bodies joined. */
    private static String pages(Function<String, RequestSpecification> service, String user, String path,
                                UnaryOperator<RequestSpecification> query) {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            RequestSpecification r = query.apply(service.apply(user)).queryParam("limit", 1000);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            JsonNode body = ok(r.get(path), 200);
            all.append(body).append('\n');
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null) {
                return all.toString();
            }
        }
        throw new AssertionError(path + " as " + user + " has more than " + MAX_PAGES + " pages");
    }

    private static String csv(RequestSpecification request, String path) {
        Response r = request.accept("text/csv").get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.asString());
        return r.asString();
    }

    private static String unzip(byte[] zip) {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                text.append(e.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a zip", e);
        }
        return text.toString();
    }

    private static Response get(RequestSpecification r, String path, String id) {
        return r.get(path.replace("{id}", id));
    }

    private static Response post(RequestSpecification r, String path, String id, JsonNode body) {
        return (body == null ? r : r.body(body.toString())).post(path.replace("{id}", id));
    }

    private static Response put(RequestSpecification r, String path, String id, JsonNode body) {
        return r.body(body.toString()).put(path.replace("{id}", id));
    }

    private static String id(JsonNode resource) {
        return resource.get("id").asText();
    }
}
