package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.rigledger.tariff.entry.Entries.PO;
import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decrease of a layer (a CAPE refund received, a liquidation lowering it) comes off what each 7501 line
 * owes of it now, never off what each line declared: IEEPA duty an origin audit billed on the Malaysian line
 * and then refunded or liquidated away leaves neither line below 0 (issue 9 review: the Chinese line showed
 * 9903.01.24 -20,000.00 while the Malaysian line kept +20,000.00).
 */
@QuarkusTest
class MultiLineDecreaseTest extends PinnedTodayTest {

    /** Line 1 MY 100,000.00 (order line 1, 2 rigs), line 2 CN 50,000.00 (order line 2, 1 rig), ocean, 2025-09-15; deposit 51,107.10. */
    static String mixed(String number) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"2025-09-15","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind Mining LLC",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":100000.00,"quantity":2,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":2600.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","ratePercent":19,"amount":19000.00}]},
                  {"htsCode":"8543.70.9860","originCountry":"CN","customsValue":50000.00,"quantity":1,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":1300.00},
                             {"program":"SECTION_301","heading":"9903.88.02","ratePercent":25,"amount":12500.00},
                             {"program":"IEEPA_FENTANYL","heading":"9903.01.24","ratePercent":20,"amount":10000.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","ratePercent":10,"amount":5000.00}]}],
                 "fees":[{"type":"MPF","amount":519.60},{"type":"HMF","amount":187.50}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":100000.00,"quantity":2,
                                "serialNumbers":["MY-1","MY-2"]},
                               {"purchaseOrderId":"%s","lineNumber":2,"entryLine":2,"value":50000.00,"quantity":1,
                                "serialNumbers":["CN-1"]}]}"""
                .formatted(number, PO, PO);
    }

    private static String pay(String amount, String on) {
        return "{\"amount\":" + amount + ",\"paidOn\":\"" + on + "\",\"achReference\":\"ACH-" + on + "\"}";
    }

    /** Filed, paid, audited to China (bill 36,000.00: line 1 +25,000 / +20,000 / +10,000 / -19,000) and the bill paid. */
    private static String auditedToChina(String org) {
        String id = filed(org, mixed(number()));
        move(org, id, "payments", pay("51107.10", "2025-09-25")).statusCode(200);
        move(org, id, "origin-audits", audit("CN", LocalDate.of(2026, 1, 10))).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(36000.00f));
        move(org, id, "payments", pay("36000.00", "2026-01-20")).statusCode(200);
        return id;
    }

    @Test
    void aCapeRefundOfAuditBilledIeepaDutyLeavesEveryLineAtZero() {
        String org = org();
        String id = auditedToChina(org);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-11-30\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}").statusCode(200)
                .body("refund.claimedTotal", equalTo(45000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-11-30\",\"principal\":45000.00,\"interest\":0.00,\"reference\":\"CBP-R1\"}")
                .statusCode(200);
        JsonPath allocation = noShareBelowZero(org, id);
        assertEquals(List.of(), plain(allocation, "lines.layers.flatten().findAll { it.heading == '9903.01.24' && it.amount != 0 }.amount"));
        assertEquals(List.of("0"), plain(allocation, "layers.findAll { it.heading == '9903.01.24' }.amount"));
        assertEquals(List.of(), plain(allocation, "lines.layers.flatten().findAll { it.heading == '9903.01.25' && it.amount != 0 }.amount"));
        assertEquals(List.of("0"), plain(allocation, "layers.findAll { it.heading == '9903.01.25' }.amount"));
        // line 1 as CN: MFN 2,600 + 301 25,000; line 2: MFN 1,300 + 301 12,500
        assertEquals(List.of("27600", "13800"), plain(allocation, "lines.duty"));
    }

    @Test
    void aLiquidationRemovingAuditBilledIeepaDutyLeavesEveryLineAtZero() {
        String org = org();
        String id = auditedToChina(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-11-30","reason":"CBP removed IEEPA",
                 "layers":[{"program":"IEEPA_FENTANYL","heading":"9903.01.24","amount":0.00},
                           {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","amount":0.00}]}""")
                .statusCode(200).body("liquidation.refundDue", equalTo(45000.00f));
        JsonPath allocation = noShareBelowZero(org, id);
        assertEquals(List.of(), plain(allocation, "lines.layers.flatten().findAll { it.heading == '9903.01.24' && it.amount != 0 }.amount"));
        assertEquals(List.of("0"), plain(allocation, "layers.findAll { it.heading == '9903.01.24' }.amount"));
        assertEquals(List.of("27600", "13800"), plain(allocation, "lines.duty"));
    }

    /**
     * Invariant over seeded random sequences of origin audits (CN, MY, TH), a liquidation lowering or raising random
     * layers, and a CAPE refund of a random part of the claim, on the two-line entry: after every step no layer,
     * duty, fee or total of an order line or a rig is below 0, and the lines add up to the entry.
     */
    @Test
    void randomAuditLiquidationAndRefundSequencesNeverLeaveALineOrRigBelowZero() {
        String[] origins = {"CN", "MY", "TH"};
        String[][] layers = {{"IEEPA_FENTANYL", "9903.01.24"}, {"IEEPA_RECIPROCAL", "9903.01.25"}, {"IEEPA_RECIPROCAL", "9903.02.39"},
                {"SECTION_301", "9903.88.02"}};
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            String org = org();
            String id = filed(org, mixed(number()));
            move(org, id, "payments", pay("51107.10", "2025-09-25")).statusCode(200);
            LocalDate notice = LocalDate.of(2025, 12, 1);
            boolean liquidated = false;
            boolean refunded = false;
            for (int step = 0; step < 5; step++) {
                int what = random.nextInt(3);
                notice = notice.plusDays(1 + random.nextInt(20));
                if (what == 0) {
                    move(org, id, "origin-audits", audit(origins[random.nextInt(origins.length)], notice)).statusCode(200);
                } else if (what == 1 && !liquidated) {
                    liquidated = true;
                    JsonPath owed = noShareBelowZero(org, id);
                    StringBuilder body = new StringBuilder();
                    for (String[] layer : layers) {
                        if (random.nextBoolean()) {
                            List<BigDecimal> now = owed.getList("layers.findAll { it.heading == '" + layer[1] + "' }.amount", BigDecimal.class);
                            BigDecimal amount = (now.isEmpty() ? BigDecimal.ZERO : now.get(0)).multiply(BigDecimal.valueOf(random.nextInt(13), 1))
                                    .setScale(2, RoundingMode.HALF_UP);
                            body.append(body.isEmpty() ? "" : ",").append("{\"program\":\"").append(layer[0]).append("\",\"heading\":\"")
                                    .append(layer[1]).append("\",\"amount\":").append(amount.toPlainString()).append('}');
                        }
                    }
                    move(org, id, "liquidation", "{\"liquidationDate\":\"2026-11-01\",\"reason\":\"random\",\"layers\":[" + body + "]}")
                            .statusCode(200);
                } else if (!refunded) {
                    refunded = true;
                    var request = move(org, id, "refund-request", "{\"requestedOn\":\"2026-11-30\",\"kind\":\"CAPE\",\"reason\":\"IEEPA\"}")
                            .statusCode(anyOf(equalTo(200), equalTo(409))).extract();
                    if (request.statusCode() == 200) {
                        BigDecimal claimed = new BigDecimal(request.jsonPath().getString("refund.claimedTotal"));
                        BigDecimal principal = claimed.multiply(BigDecimal.valueOf(1 + random.nextInt(10), 1)).setScale(2, RoundingMode.DOWN);
                        move(org, id, "refunds", "{\"receivedOn\":\"2026-11-30\",\"principal\":" + principal.toPlainString()
                                + ",\"interest\":0.00,\"reference\":\"R\"}").statusCode(anyOf(equalTo(200), equalTo(409)));
                    }
                }
                noShareBelowZero(org, id);
            }
        }
    }

    /** The allocation (numbers as BigDecimal), checked: no cell of an order line or rig below 0, and the lines add up to the total. */
    static JsonPath noShareBelowZero(String org, String id) {
        JsonPath a = JsonPath.from(get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<BigDecimal> cells = new ArrayList<>();
        for (String path : List.of("lines.layers.flatten().amount", "lines.duty", "lines.fees", "lines.total", "lines.rigs.flatten().duty",
                "lines.rigs.flatten().fees", "lines.rigs.flatten().amount")) {
            cells.addAll(a.getList(path, BigDecimal.class));
        }
        cells.forEach(c -> assertTrue(c.signum() >= 0, () -> "a share below 0 in " + a.prettify()));
        BigDecimal lines = a.getList("lines.total", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, lines.compareTo(a.getObject("total", BigDecimal.class)), () -> "lines do not add up in " + a.prettify());
        return a;
    }

    /** The amounts at {@code path} as plain text without trailing zeros (27600.00 -> "27600"). */
    static List<String> plain(JsonPath a, String path) {
        return a.getList(path, BigDecimal.class).stream().map(b -> b.stripTrailingZeros().toPlainString()).toList();
    }
}
