package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.rigledger.local.Calls.money;
import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The journey's rigs in inventory-service: registered once each by procurement's outbox with their
 * plant, origin and landed cost, racked by oscar and counted by the fleet summary. Waits are bounded
 * (Awaitility, {@link #PATIENCE}) because registration arrives asynchronously.
 */
final class JourneyRigs {

    /** Longest wait for an asynchronous effect (outbox delivery, allocation push). */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Calls calls;
    private final Journey j;
    /** The rigs as last read, by serial. */
    private Map<String, JsonNode> bySerial = new LinkedHashMap<>();

    JourneyRigs(Calls calls, Journey j) {
        this.calls = calls;
        this.j = j;
    }

    /** The journey whose rigs these are. */
    Journey journey() {
        return j;
    }

    List<String> assetIds() {
        return bySerial.values().stream().map(r -> r.get("id").asText()).toList();
    }

    Map<String, JsonNode> bySerial() {
        return bySerial;
    }

    /** Reads the order's rigs from inventory (alice), keyed by serial; fails on a serial seen twice. */
    Map<String, JsonNode> read() {
        JsonNode page = ok(calls.inventory("alice").queryParam("purchaseOrderId", j.orderId())
                .queryParam("limit", 1000).get("/api/rigs"), 200);
        Map<String, JsonNode> rigs = new LinkedHashMap<>();
        for (JsonNode rig : page.get("items")) {
            JsonNode before = rigs.put(rig.get("serialNumber").asText(), rig);
            assertEquals(null, before, "serial " + rig.get("serialNumber") + " registered twice");
        }
        return rigs;
    }

    void appearInInventoryOnceEachWithPlantOriginAndPrice() {
        List<String> all = new ArrayList<>(j.mySerials);
        all.addAll(j.cnSerials);
        bySerial = await("5 rigs of the order in inventory").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(this::read, rigs -> rigs.size() >= all.size());
        assertEquals(all.stream().sorted().toList(), bySerial.keySet().stream().sorted().toList(), "exactly the shipped rigs");
        for (String serial : all) {
            boolean my = j.mySerials.contains(serial);
            JsonNode rig = bySerial.get(serial);
            assertEquals(my ? Journey.MY_PLANT : Journey.CN_PLANT, rig.path("plant").asText(), serial);
            assertEquals(my ? "MY" : "CN", rig.get("originCountry").asText(), serial);
            assertEquals(my ? Journey.MY_MODEL : Journey.CN_MODEL, rig.get("model").asText(), serial);
            assertEquals(my ? 1 : 2, rig.path("orderLineNumber").asInt(), serial);
            assertEquals("BITMAIN", rig.get("manufacturer").asText(), serial);
            assertNotNull(rig.get("landedCost"), serial + " has a landed cost: " + rig);
            assertEquals(0, (my ? Journey.MY_PRICE : Journey.CN_PRICE).compareTo(money(rig, "/landedCost/price")), serial);
            JsonNode found = ok(calls.inventory("alice").queryParam("serialNumber", serial).get("/api/rigs"), 200);
            assertEquals(1, found.get("items").size(), "one rig with serial " + serial + ": " + found);
        }
    }

    /**
     * The entry's allocation (fiona) gives each rig its duty and fees; procurement-service pushes it to
     * inventory, where each rig ends up with exactly that duty and those fees and the rigs' duty adds
     * up to the entry's paid duty to the cent.
     */
    void carryTheEntrysAllocatedDutyToTheCent() {
        JsonNode allocation = ok(calls.tariff("fiona").get("/api/entries/" + j.entryId() + "/allocation"), 200);
        BigDecimal duty = j.declared(p -> true);
        BigDecimal fees = j.declaredFees();
        assertEquals(0, duty.add(fees).compareTo(money(allocation, "/total")), "allocation total: " + allocation.get("total"));
        Map<String, JsonNode> perRig = new LinkedHashMap<>();
        for (JsonNode line : allocation.get("lines")) {
            line.get("rigs").forEach(r -> perRig.put(r.get("serialNumber").asText(), r));
            assertEquals(line.get("quantity").asInt(), line.get("rigs").size(), "a share per rig: " + line);
            assertEquals(0, sum(line.get("rigs"), "/amount").compareTo(money(line, "/total")), "rigs add up to the line: " + line);
        }
        assertEquals(5, perRig.size(), "allocation names every rig: " + perRig.keySet());
        BigDecimal paidDuty = money(j.entry, "/paid").subtract(fees);
        bySerial = await("inventory's landed cost = the entry's allocation").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(2)).until(this::read, rigs -> rigs.values().stream().allMatch(r -> {
                    JsonNode share = perRig.get(r.get("serialNumber").asText());
                    return share != null && money(share, "/duty").compareTo(money(r, "/landedCost/duty")) == 0
                            && money(share, "/fees").compareTo(money(r, "/landedCost/fees")) == 0;
                }));
        assertEquals(0, sum(bySerial.values(), "/landedCost/duty").compareTo(paidDuty), "rigs' duty = the entry's paid duty");
        assertEquals(0, sum(bySerial.values(), "/landedCost/duty").compareTo(duty), "rigs' duty = the entry's declared duty");
        assertEquals(0, sum(bySerial.values(), "/landedCost/fees").compareTo(fees), "rigs' fees = the entry's fees");
    }

    /** oscar racks the five rigs in slots 1..5; the summary of the journey's site counts exactly them. */
    void oscarDeploysThemAndTheFleetSummaryCountsThem() {
        ObjectNode deployment = object().put("reason", "journey " + j.run);
        ArrayNode placements = deployment.putArray("placements");
        int slot = 1;
        for (JsonNode rig : bySerial.values()) {
            placements.addObject().put("rig", rig.get("id").asText()).set("position",
                    object().put("site", j.site).put("rack", j.rack).put("slot", slot++));
        }
        JsonNode deployed = ok(calls.inventory("oscar").body(deployment.toString()).post("/api/rigs/deployments"), 200);
        JsonNode items = deployed.has("items") ? deployed.get("items") : deployed;
        assertEquals(5, items.size(), "deployed: " + deployed);
        items.forEach(r -> assertEquals("DEPLOYED", r.get("status").asText(), r.toString()));
        bySerial = read();
        bySerial.values().forEach(r -> assertEquals(j.site, r.at("/position/site").asText(), r.toString()));

        JsonNode xp = ok(calls.inventory("oscar").get("/api/rig-models/" + Journey.MY_MODEL), 200);
        JsonNode pro = ok(calls.inventory("oscar").get("/api/rig-models/" + Journey.CN_MODEL), 200);
        BigDecimal hashrate = money(xp, "/hashrateThs").multiply(BigDecimal.valueOf(3))
                .add(money(pro, "/hashrateThs").multiply(BigDecimal.valueOf(2)));
        BigDecimal powerKw = BigDecimal.valueOf(3L * xp.get("powerWatts").asLong() + 2L * pro.get("powerWatts").asLong())
                .movePointLeft(3);
        // procurement-service may push the entry's allocation to the rigs at any moment: the summary's
        // landed cost is compared with the rigs read right after it, until both agree (bounded)
        JsonNode summary = await("fleet summary and rigs agree on landed cost").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> ok(calls.inventory("oscar").queryParam("groupBy", "site,status").get("/api/fleet/summary"), 200),
                        s -> {
                            bySerial = read();
                            JsonNode g = siteGroup(s);
                            return g != null && landed().compareTo(money(g, "/figures/landedCost")) == 0;
                        });
        BigDecimal landed = landed();
        JsonNode mine = null;
        for (JsonNode g : summary.get("groups")) {
            if (j.site.equals(g.at("/key/site").asText())) {
                assertEquals(null, mine, "one group for the site: " + summary);
                mine = g;
            }
        }
        assertNotNull(mine, "the fleet summary has the journey's site " + j.site + ": " + summary);
        assertEquals("DEPLOYED", mine.at("/key/status").asText());
        assertEquals(5, mine.at("/figures/rigCount").asInt(), mine.toString());
        assertEquals(0, hashrate.compareTo(money(mine, "/figures/hashrateThs")), "TH/s " + mine);
        assertEquals(0, powerKw.compareTo(money(mine, "/figures/powerKw")), "kW " + mine);
        assertEquals(0, landed.compareTo(money(mine, "/figures/landedCost")), "landed cost " + mine);
        assertEquals(0, Calls.cents(powerKw.movePointRight(3).divide(hashrate, 10, RoundingMode.HALF_UP))
                .compareTo(money(mine, "/figures/efficiencyJth")), "J/TH = W / TH/s " + mine);
    }

    /** The group of the journey's site in a fleet summary, or null. */
    private JsonNode siteGroup(JsonNode summary) {
        for (JsonNode g : summary.get("groups")) {
            if (j.site.equals(g.at("/key/site").asText())) {
                return g;
            }
        }
        return null;
    }

    /** Price + duty + fees over the rigs as last read, USD. */
    private BigDecimal landed() {
        return sum(bySerial.values(), "/landedCost/price").add(sum(bySerial.values(), "/landedCost/duty"))
                .add(sum(bySerial.values(), "/landedCost/fees"));
    }

    /** Sum of the decimals at {@code pointer} over {@code rigs}. */
    static BigDecimal sum(Iterable<JsonNode> rigs, String pointer) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode r : rigs) {
            s = s.add(money(r, pointer));
        }
        return s;
    }
}
