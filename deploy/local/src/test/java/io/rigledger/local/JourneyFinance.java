package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.rigledger.local.Calls.money;
import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey seen by finance (fiona): the reconciliation of the order per layer, CBP's origin
 * audit of the Malaysian line, and the entry's IEEPA duty in the CAPE export.
 */
final class JourneyFinance {

    private static final BigDecimal AUDIT_INTEREST = new BigDecimal("12.34");

    /** The origin audit as recorded (its layers' differences move the IEEPA duty still refundable). */
    private JsonNode recordedAudit;

    private final Calls calls;
    private final Journey j;
    private final JourneyRigs rigs;

    JourneyFinance(Calls calls, Journey j, JourneyRigs rigs) {
        this.calls = calls;
        this.j = j;
        this.rigs = rigs;
    }

    /**
     * Grouped by order: one row per layer (program and heading; MPF and HMF with an empty heading)
     * with the quote's estimate, the entry's declared amount, paid in full, and variance = declared -
     * estimated; the paid duty rows add up to the entry's declared duty.
     */
    void reconciliationShowsEstimateDeclaredAndPaidPerLayer() {
        Map<String, BigDecimal[]> expected = new TreeMap<>(); // program|heading -> estimated, declared
        for (JsonNode line : j.quote.get("lines")) {
            for (JsonNode l : Journey.layers(line)) {
                add(expected, l.get("program").asText() + "|" + l.get("heading").asText(), 0, l.get("amount").decimalValue());
            }
        }
        j.quote.get("fees").forEach(f -> add(expected, f.get("type").asText() + "|", 0, f.get("amount").decimalValue()));
        for (JsonNode line : j.entryFiled.get("lines")) {
            for (JsonNode l : line.get("layers")) {
                add(expected, l.get("program").asText() + "|" + l.get("heading").asText(), 1, l.get("amount").decimalValue());
            }
        }
        j.entryFiled.get("fees").forEach(f -> add(expected, f.get("type").asText() + "|", 1, f.get("amount").decimalValue()));

        JsonNode rec = ok(calls.tariff("fiona").queryParam("groupBy", "order").queryParam("from", JourneyIT.ENTRY_DATE)
                .queryParam("to", JourneyIT.ENTRY_DATE).get("/api/reconciliation"), 200);
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode row : rec.get("rows")) {
            if (j.orderId().equals(row.get("group").asText())) {
                rows.put(row.get("program").asText() + "|" + row.get("heading").asText(), row);
            }
        }
        assertEquals(expected.keySet(), rows.keySet(), "one row per layer and fee of order " + j.orderId() + ": " + rec);
        BigDecimal paidDuty = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : expected.entrySet()) {
            JsonNode row = rows.get(e.getKey());
            BigDecimal estimated = e.getValue()[0];
            BigDecimal declared = e.getValue()[1];
            assertEquals(0, estimated.compareTo(money(row, "/estimated")), "estimated " + row);
            assertEquals(0, declared.compareTo(money(row, "/declared")), "declared " + row);
            assertEquals(0, declared.compareTo(money(row, "/paid")), "paid in full " + row);
            assertEquals(0, declared.subtract(estimated).compareTo(money(row, "/variance")), "variance " + row);
            if (!e.getKey().endsWith("|")) {
                paidDuty = paidDuty.add(money(row, "/paid"));
            }
        }
        assertEquals(0, paidDuty.compareTo(j.declared(p -> true)), "paid duty = the entry's declared duty");
        BigDecimal rigDuty = JourneyRigs.sum(rigs.bySerial().values(), "/landedCost/duty");
        assertEquals(0, paidDuty.compareTo(rigDuty), "paid duty " + paidDuty + " = landed duty over the rigs " + rigDuty);
    }

    private static void add(Map<String, BigDecimal[]> m, String key, int column, BigDecimal amount) {
        m.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[column] =
                m.get(key)[column].add(amount);
    }

    /**
     * CBP holds the Malaysian rigs Chinese: the duty engine re-computes that line at the Chinese
     * line's layers (same HTS code, same dates) and the bill is that difference plus the interest;
     * the entry's allocation then owes the declared duty plus the difference, and the five rigs'
     * landed duty in inventory-service adds up to it to the cent (fresh review R-11c).
     */
    void originAuditReBillsTheMalaysianLineAsChinese() {
        JsonNode myQuote = j.quote.at("/lines/0");
        JsonNode cnQuote = j.quote.at("/lines/1");
        assertEquals(myQuote.get("htsCode").asText(), cnQuote.get("htsCode").asText(), "both lines under one HTS code");
        BigDecimal asChinese = BigDecimal.ZERO;
        for (JsonNode l : Journey.layers(cnQuote)) {
            asChinese = asChinese.add(Journey.percentOf(Journey.MY_DECLARED_VALUE, l.get("ratePercent").decimalValue()));
        }
        BigDecimal myDeclared = BigDecimal.ZERO;
        for (JsonNode l : j.entryFiled.at("/lines/0/layers")) {
            myDeclared = myDeclared.add(l.get("amount").decimalValue());
        }
        BigDecimal difference = asChinese.subtract(myDeclared);
        assertTrue(difference.signum() > 0, "Chinese origin costs more duty: " + asChinese + " vs " + myDeclared);

        Map<String, BigDecimal> myBefore = duties(rigs.bySerial(), j.mySerials);
        Map<String, BigDecimal> cnBefore = duties(rigs.bySerial(), j.cnSerials);
        ObjectNode audit = object().put("assertedOrigin", "CN").put("noticeDate", "2025-12-01")
                .put("interest", AUDIT_INTEREST).put("reason", "CBP holds the hashboards were populated in China");
        JsonNode entry = ok(calls.tariff("fiona").body(audit.toString())
                .post("/api/entries/" + j.entryId() + "/origin-audits"), 200);
        JsonNode recorded = entry.at("/originAudits/0");
        recordedAudit = recorded;
        assertEquals(0, difference.compareTo(money(recorded, "/dutyDifference")), "duty difference " + recorded);
        assertEquals(0, difference.add(AUDIT_INTEREST).compareTo(money(recorded, "/bill")), "bill " + recorded);

        // the allocation now owes the difference (interest is no duty): procurement pushes it to the Malaysian rigs
        BigDecimal myExpected = total(myBefore).add(difference);
        Map<String, JsonNode> after = await("the audit's difference in the Malaysian rigs' landed cost")
                .atMost(JourneyRigs.PATIENCE.multipliedBy(2)).pollInterval(Duration.ofSeconds(2))
                .until(rigs::read, r -> total(duties(r, j.mySerials)).compareTo(myExpected) == 0);
        assertEquals(cnBefore, duties(after, j.cnSerials), "the Chinese rigs' duty is unchanged");

        // the entry's new owed duty as tariff-service allocates it (its lines' duty, fees apart) is the declared
        // duty plus the difference, and the rigs' landed duty in inventory-service adds up to it to the cent
        JsonNode allocation = ok(calls.tariff("fiona").get("/api/entries/" + j.entryId() + "/allocation"), 200);
        BigDecimal owed = BigDecimal.ZERO;
        for (JsonNode line : allocation.get("lines")) {
            owed = owed.add(money(line, "/duty"));
        }
        assertEquals(0, owed.compareTo(j.declared(p -> true).add(difference)),
                "the entry's owed duty after the audit = declared + the audit's difference: " + allocation);
        BigDecimal landed = total(duties(after, j.mySerials)).add(total(duties(after, j.cnSerials)));
        assertEquals(0, landed.compareTo(owed), "the rigs' landed duty " + landed + " = the entry's owed duty " + owed);
    }

    private static Map<String, BigDecimal> duties(Map<String, JsonNode> rigs, List<String> serials) {
        Map<String, BigDecimal> d = new TreeMap<>();
        serials.forEach(s -> d.put(s, rigs.containsKey(s) ? money(rigs.get(s), "/landedCost/duty") : BigDecimal.ZERO));
        return d;
    }

    private static BigDecimal total(Map<String, BigDecimal> amounts) {
        return amounts.values().stream().map(a -> a == null ? BigDecimal.ZERO : a).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The entry's IEEPA duty per heading is refundable as declared plus what the origin audit billed
     * on IEEPA headings (headings owing nothing left out), it is eligible, and its number is once in
     * the CAPE zip.
     */
    void ieepaPartIsInTheCapeExport() throws IOException {
        Map<String, BigDecimal> declared = new TreeMap<>();
        for (JsonNode line : j.entryFiled.get("lines")) {
            for (JsonNode l : line.get("layers")) {
                if (l.get("program").asText().startsWith("IEEPA")) {
                    declared.merge(l.get("heading").asText(), l.get("amount").decimalValue(), BigDecimal::add);
                }
            }
        }
        if (recordedAudit != null) {
            for (JsonNode change : recordedAudit.get("layers")) {
                if (change.get("program").asText().startsWith("IEEPA")) {
                    declared.merge(change.get("heading").asText(), change.get("difference").decimalValue(), BigDecimal::add);
                }
            }
        }
        declared.values().removeIf(owed -> owed.signum() <= 0);
        JsonNode item = null;
        String cursor = null;
        for (int page = 0; page < 100 && item == null; page++) {
            var request = calls.tariff("fiona").queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode refunds = ok(request.get("/api/ieepa-refunds"), 200);
            for (JsonNode i : refunds.get("items")) {
                if (j.entryId().equals(i.get("entryId").asText())) {
                    item = i;
                }
            }
            cursor = refunds.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
        }
        assertNotNull(item, "entry " + j.entryNumber + " is listed with refundable IEEPA duty");
        JsonNode found = item;
        Map<String, BigDecimal> listed = new TreeMap<>();
        item.get("headings").forEach(h -> listed.put(h.get("heading").asText(), h.get("amount").decimalValue()));
        assertEquals(declared.keySet(), listed.keySet(), "IEEPA headings " + item);
        declared.forEach((h, a) -> assertEquals(0, a.compareTo(listed.get(h)), h + " " + found));
        assertEquals(0, total(declared).compareTo(money(item, "/refundable")), "refundable " + item);
        assertTrue(item.get("eligible").asBoolean(), "eligible for CAPE: " + item);

        Response zip = calls.tariff("fiona").accept("application/zip").get("/api/ieepa-refunds/cape-files");
        assertEquals(200, zip.statusCode(), zip.asString());
        List<String> numbers = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                List<String> lines = csv.lines().toList();
                assertEquals("Entry Number", lines.get(0).replace("\"", ""), e.getName());
                numbers.addAll(lines.subList(1, lines.size()));
            }
        }
        String plain = j.entryNumber.replace("-", "");
        assertEquals(1, numbers.stream().filter(plain::equals).count(), plain + " once in the CAPE files");
        assertEquals(numbers.size(), Integer.parseInt(zip.header("X-Cape-Entries")), "X-Cape-Entries");
    }
}
