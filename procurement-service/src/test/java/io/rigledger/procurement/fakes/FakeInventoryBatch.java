package io.rigledger.procurement.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * inventory-service's registerRigBatch as inventory.yaml describes it: idempotent on (maker,
 * serial) within the organisation the service account names; a rig it holds already is answered
 * with its existing asset id and {@code replayed: true}, a new one gets the next asset id. A held rig
 * in RMA whose item carries {@code rmaReturnReceipt} goes back to RECEIVED (answered
 * {@code returnedFromRma: true}, and again for every replay of that receipt, wherever the rig is now);
 * a replay naming another order or line than the registered rig carries conflicts naming
 * rigs[i].purchaseOrderId; every item says the rig's status after the call. It keeps how
 * many times each rig was newly registered, which is what "none registered twice" is checked on.
 *
 * <p>Armed with {@link #loseAnswers}, it answers the next batches 503 outcome-unknown (as inventory-service
 * answers when its database connection broke during COMMIT), having registered them first or not: the
 * client cannot tell which.
 */
public class FakeInventoryBatch implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-inventory-batch";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MAKERS = Map.of("antminer", "BITMAIN", "avalon", "CANAAN", "whatsminer", "MICROBT");

    /** "org|maker|serial" to asset id. */
    final Map<String, String> assets = new ConcurrentHashMap<>();
    /** "org|maker|serial" to the rig's status in inventory (RECEIVED when registered here). */
    final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** "org|maker|serial" to the receipt that brought it back from RMA. */
    final Map<String, String> returns = new ConcurrentHashMap<>();
    /** "org|maker|serial" to its model code and country of origin, as registered ("model|origin"). */
    final Map<String, String> facts = new ConcurrentHashMap<>();
    /** "org|maker|serial" to the purchase order and line it was registered on. */
    final Map<String, String> orders = new ConcurrentHashMap<>();
    /** "org|maker|serial" to how many times it was newly registered. */
    final Map<String, Integer> registrations = new ConcurrentHashMap<>();
    /** Every rig posted, replayed or not. */
    final AtomicLong posted = new AtomicLong();
    /** How many of the next batches are answered 503 outcome-unknown. */
    private final AtomicInteger answersLost = new AtomicInteger();
    /** Whether those batches are registered before the 503 (the COMMIT went through) or not. */
    private volatile boolean storedBeforeLost;
    private final AtomicLong sequence = new AtomicLong(1_000);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /**
     * The next {@code batches} batches are answered {@link #OUTCOME_UNKNOWN} (503, Retry-After 5); registered
     * first when {@code stored}, else left as they were.
     */
    void loseAnswers(int batches, boolean stored) {
        storedBeforeLost = stored;
        answersLost.set(batches);
    }

    /** inventory-service's 503 when its database connection broke during COMMIT (contracts/platform.yaml's example). */
    static final String OUTCOME_UNKNOWN = """
            {"type":"https://rigledger.io/problems/outcome-unknown","title":"Outcome unknown","status":503,
             "detail":"the database connection was lost while committing, so whether this change was stored is unknown; retry in 5 seconds with the same Idempotency-Key, which answers the stored result if it was stored and does it once if not",
             "instance":"/api/rigs/batch"}""";

    void clear() {
        answersLost.set(0);
        assets.clear();
        statuses.clear();
        returns.clear();
        facts.clear();
        orders.clear();
        registrations.clear();
        posted.set(0);
    }

    /** A rig the fake holds already under {@code assetId}, in {@code status} (DEPLOYED, RMA, ...). */
    void holds(String org, String maker, String serial, String assetId, String status) {
        assets.put(org + '|' + maker + '|' + serial, assetId);
        statuses.put(org + '|' + maker + '|' + serial, status);
    }

    /** As inventory-service words them: one conflict per order reference that differs from the registered rig's. */
    private static void conflicts(ObjectNode item, int at, String[] registered, String[] sent) {
        ArrayNode conflicts = item.putArray("conflicts");
        String[] fields = {"purchaseOrderId", "orderLineNumber"};
        for (int f = 0; f < fields.length; f++) {
            if (!registered[f].equals(sent[f])) {
                conflicts.addObject().put("field", "rigs[" + at + "]." + fields[f]).put("message", "is " + registered[f]
                        + " on the registered rig; this replay sends " + sent[f] + " and nothing was changed");
            }
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        boolean lost = answersLost.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (lost && !storedBeforeLost) {
            return outcomeUnknown(serveEvent);
        }
        ResponseDefinition answer = register(serveEvent);
        return lost ? outcomeUnknown(serveEvent) : answer;
    }

    private static ResponseDefinition outcomeUnknown(ServeEvent serveEvent) {
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                .withStatus(503).withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "5")
                .withBody(OUTCOME_UNKNOWN).build();
    }

    private ResponseDefinition register(ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            String org = request.path("organisation").asText();
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode items = JSON.createArrayNode();
            int registered = 0;
            int replayed = 0;
            for (JsonNode rig : request.path("rigs")) {
                String model = rig.path("model").asText();
                String maker = MAKERS.getOrDefault(model.substring(0, model.indexOf('-')), "BITMAIN");
                String serial = rig.path("serialNumber").asText();
                String key = org + '|' + maker + '|' + serial;
                posted.incrementAndGet();
                boolean[] fresh = {false};
                String id = assets.computeIfAbsent(key, k -> {
                    fresh[0] = true;
                    return "RIG-%09d".formatted(sequence.incrementAndGet());
                });
                boolean back = false;
                String order = rig.path("purchaseOrderId").asText() + "|" + rig.path("orderLineNumber").asText();
                String registeredOn = fresh[0] ? null : orders.get(key);
                if (fresh[0]) {
                    orders.put(key, order);
                    facts.put(key, model + '|' + rig.path("originCountry").asText());
                    registrations.merge(key, 1, Integer::sum);
                    statuses.put(key, "RECEIVED");
                    registered++;
                } else {
                    replayed++;
                    String receipt = rig.hasNonNull("rmaReturnReceipt") ? rig.path("rmaReturnReceipt").asText() : null;
                    if (receipt != null && receipt.equals(returns.get(key))) {
                        back = true; // a replay of the receipt that brought it back: answered as a return again
                    } else if (receipt != null && "RMA".equals(statuses.get(key))) {
                        statuses.put(key, "RECEIVED");
                        returns.put(key, receipt);
                        back = true;
                    }
                }
                ObjectNode item = items.addObject();
                item.put("id", id);
                item.put("manufacturer", maker);
                item.put("serialNumber", serial);
                item.put("replayed", !fresh[0]);
                item.put("status", statuses.getOrDefault(key, "RECEIVED"));
                if (back) {
                    item.put("returnedFromRma", true);
                }
                if (registeredOn != null && !registeredOn.equals(order)) {
                    conflicts(item, items.size() - 1, registeredOn.split("\\|"), order.split("\\|"));
                }
            }
            answer.put("registered", registered);
            answer.put("replayed", replayed);
            answer.set("items", items);
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(answer))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("the fake cannot read procurement-service's batch", e);
        }
    }
}
