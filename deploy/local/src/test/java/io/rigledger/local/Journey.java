package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.rigledger.local.JourneyIT.ENTRY_DATE;
import static io.rigledger.local.JourneyIT.EXPORT_DATE;
import static io.rigledger.local.JourneyIT.array;
import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The journey's people and what they create, step by step (order, shipment, customs entry,
 * payment, receipt), each step asserting what the service answered. State is kept here for the
 * later steps ({@link JourneyRigs}, {@link JourneyFinance}).
 */
final class Journey {

    static final String MY_PLANT = "BITMAIN-MY";
    static final String CN_PLANT = "BITMAIN-CN";
    static final String MY_MODEL = "antminer-s21-xp";
    static final String CN_MODEL = "antminer-s21-pro";
    static final BigDecimal MY_PRICE = new BigDecimal("5400.00");
    static final BigDecimal CN_PRICE = new BigDecimal("3650.50");
    /** The Malaysian line's entered value on the 7501: 3 x 5,400.00 less a $200.00 credit. */
    static final BigDecimal MY_DECLARED_VALUE = new BigDecimal("16000.00");

    final Calls calls;
    final String run;
    final String site;
    final String rack = "R1";
    final List<String> mySerials;
    final List<String> cnSerials;
    final String entryNumber;
    JsonNode order;
    String etag;
    JsonNode quote;
    JsonNode shipment;
    JsonNode entry;
    /** The entry's body as filed. */
    ObjectNode entryFiled;
    JsonNode receipt;

    Journey(Calls calls, String run) {
        this.calls = calls;
        this.run = run;
        this.site = "J" + run;
        this.mySerials = JourneyIT.serials(run, "MY", 3);
        this.cnSerials = JourneyIT.serials(run, "CN", 2);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.entryNumber = run.substring(run.length() - 3) + "-" + String.format(Locale.ROOT, "%07d", r.nextInt(10_000_000))
                + "-" + r.nextInt(10);
    }

    String orderId() {
        return order.get("id").asText();
    }

    String entryId() {
        return entry.get("id").asText();
    }

    void oscarBuildsASiteWithARack() {
        ObjectNode site = object().put("name", "Journey hall " + run).put("state", "TX").put("capacityKw", 1000);
        ok(calls.inventory("oscar").body(site.toString()).put("/api/sites/" + this.site), 200);
        ObjectNode rack = object().put("row", "A").put("slots", 10);
        ok(calls.inventory("oscar").body(rack.toString()).put("/api/sites/" + this.site + "/racks/" + this.rack), 200);
    }

    void aliceOrdersFromAMalaysianAndAChinesePlant() {
        ObjectNode body = object().put("supplier", "Bitmain").put("incoterm", "FOB")
                .put("expectedExportDate", EXPORT_DATE).put("expectedEntryDate", ENTRY_DATE)
                .put("transportMode", "OCEAN").put("destinationSite", site);
        ArrayNode lines = body.putArray("lines");
        lines.addObject().put("sku", MY_MODEL).put("plant", MY_PLANT).put("quantity", 3).put("unitPrice", MY_PRICE);
        lines.addObject().put("sku", CN_MODEL).put("plant", CN_PLANT).put("quantity", 2).put("unitPrice", CN_PRICE);
        Response r = calls.procurement("alice").body(body.toString()).post("/api/purchase-orders");
        order = ok(r, 201);
        etag = r.header("ETag");
        assertEquals("DRAFT", order.get("status").asText());
        assertEquals("QUOTED", order.at("/dutyEstimate/status").asText(), "estimate: " + order.get("dutyEstimate"));
        assertEquals("MY", order.at("/lines/0/originCountry").asText());
        assertEquals("CN", order.at("/lines/1/originCountry").asText());
        assertEquals(0, new BigDecimal("16200.00").compareTo(order.at("/lines/0/customsValue").decimalValue()));
        assertEquals(0, new BigDecimal("7301.00").compareTo(order.at("/lines/1/customsValue").decimalValue()));
        assertEquals(0, new BigDecimal("23501.00").compareTo(order.get("totalValue").decimalValue()));
        quote = ok(calls.tariff("alice").get("/api/duty-quotes/" + order.at("/dutyEstimate/quoteId").asText()), 200);
    }

    void aliceSubmitsConfirmsAndShips() {
        for (String[] move : new String[][] {{"submit", "SUBMITTED"}, {"confirm", "CONFIRMED"}}) {
            Response r = calls.procurement("alice").header("If-Match", etag)
                    .post("/api/purchase-orders/" + orderId() + "/" + move[0]);
            assertEquals(move[1], ok(r, 200).get("status").asText());
            etag = r.header("ETag");
        }
        ObjectNode body = object().put("carrier", "Maersk").put("trackingNumber", "MAEU" + run)
                .put("transportMode", "OCEAN").put("exportDate", EXPORT_DATE);
        ArrayNode lines = body.putArray("lines");
        shippedLine(lines.addObject().put("lineNumber", 1).put("quantity", 3), mySerials);
        shippedLine(lines.addObject().put("lineNumber", 2).put("quantity", 2), cnSerials);
        Response r = calls.procurement("alice").header("If-Match", etag).body(body.toString())
                .post("/api/purchase-orders/" + orderId() + "/shipments");
        shipment = ok(r, 201);
        etag = r.header("ETag");
        assertEquals("SHIPPED", shipment.get("orderStatus").asText());
    }

    private static void shippedLine(ObjectNode line, List<String> serials) {
        ArrayNode rigs = line.putArray("rigs");
        serials.forEach(s -> rigs.addObject().put("serialNumber", s));
    }

    /**
     * The 7501 as the broker files it: the quote's lines and layers, except that the Malaysian line's
     * commercial invoice came in $200.00 lower ({@link #MY_DECLARED_VALUE}), so every amount of that
     * line and the fees are recomputed the contract's way (HALF_UP(value x rate / 100)) and the entry
     * differs from the estimate; then an ACH payment of everything declared.
     */
    void fionaFilesTheEntryAndPaysIt() {
        ObjectNode body = object().put("entryNumber", entryNumber).put("entryType", "01")
                .put("entryDate", ENTRY_DATE).put("exportDate", EXPORT_DATE).put("portCode", "2704")
                .put("transportMode", "OCEAN").put("importer", "Northwind Mining LLC").put("allocationMethod", "VALUE");
        ArrayNode lines = body.putArray("lines");
        ArrayNode orderLines = body.putArray("orderLines");
        BigDecimal totalValue = BigDecimal.ZERO;
        for (JsonNode q : quote.get("lines")) {
            int n = q.get("lineNumber").asInt();
            BigDecimal value = n == 1 ? MY_DECLARED_VALUE : q.get("customsValue").decimalValue();
            totalValue = totalValue.add(value);
            ObjectNode line = lines.addObject().put("htsCode", q.get("htsCode").asText())
                    .put("originCountry", q.get("originCountry").asText()).put("customsValue", value)
                    .put("quantity", q.get("quantity").asInt()).put("manufacturer", "Bitmain");
            ArrayNode layers = line.putArray("layers");
            for (JsonNode l : layers(q)) {
                BigDecimal rate = l.get("ratePercent").decimalValue();
                layers.addObject().put("program", l.get("program").asText()).put("heading", l.get("heading").asText())
                        .put("ratePercent", rate).put("amount", percentOf(value, rate));
            }
            orderLines.addObject().put("purchaseOrderId", orderId()).put("lineNumber", n)
                    .put("shipmentId", shipment.get("id").asText()).put("entryLine", n)
                    .put("value", value).put("quantity", q.get("quantity").asInt())
                    .put("quoteId", quote.get("id").asText()).put("quoteLineNumber", n)
                    .set("serialNumbers", JourneyIT.array(n == 1 ? mySerials : cnSerials));
        }
        ArrayNode fees = body.putArray("fees");
        for (JsonNode f : quote.get("fees")) {
            fees.addObject().put("type", f.get("type").asText())
                    .put("amount", percentOf(totalValue, f.get("ratePercent").decimalValue()));
        }
        entryFiled = body;
        JsonNode filed = ok(calls.tariff("fiona").body(body.toString()).post("/api/entries"), 201);
        assertEquals("FILED", filed.get("status").asText());
        ObjectNode payment = object().put("amount", filed.at("/summary/totals/declared").decimalValue())
                .put("paidOn", "2025-09-25").put("achReference", "ACH-" + run);
        entry = ok(calls.tariff("fiona").body(payment.toString()).post("/api/entries/" + filed.get("id").asText() + "/payments"), 200);
    }

    /** Every layer of a quote line (all its parts). */
    static List<JsonNode> layers(JsonNode quoteLine) {
        List<JsonNode> all = new ArrayList<>();
        quoteLine.get("parts").forEach(p -> p.get("layers").forEach(all::add));
        return all;
    }

    /** HALF_UP(amount x rate / 100) to the cent: how every layer and fee is computed. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal ratePercent) {
        return Calls.cents(amount.multiply(ratePercent).movePointLeft(2));
    }

    /** Sum of the declared amounts of the filed entry's layers whose program passes {@code program}. */
    BigDecimal declared(Predicate<String> program) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : entryFiled.get("lines")) {
            for (JsonNode l : line.get("layers")) {
                if (program.test(l.get("program").asText())) {
                    sum = sum.add(l.get("amount").decimalValue());
                }
            }
        }
        return sum;
    }

    BigDecimal declaredFees() {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode f : entryFiled.get("fees")) {
            sum = sum.add(f.get("amount").decimalValue());
        }
        return sum;
    }

    void aliceReceivesTheShipment() {
        ObjectNode body = object().put("site", site).put("receivedAt", "2025-09-16T14:05:00Z");
        receipt = ok(calls.procurement("alice").body(body.toString())
                .post("/api/shipments/" + shipment.get("id").asText() + "/receipts"), 201);
        List<String> received = new ArrayList<>();
        receipt.get("rigs").forEach(r -> received.add(r.get("serialNumber").asText()));
        List<String> all = new ArrayList<>(mySerials);
        all.addAll(cnSerials);
        assertEquals(all.stream().sorted().toList(), received.stream().sorted().toList(), "every rig shipped is received");
    }
}
