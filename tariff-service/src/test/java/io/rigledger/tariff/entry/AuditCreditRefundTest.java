package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.PO;
import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An origin audit that lowers the duty below what was paid (CBP asserts a lower-duty origin) leaves an excessive
 * deposit (19 U.S.C. 1520(a)(1)): the difference is refundable as an ORIGIN_AUDIT claim finance records and reconciles,
 * and what the entry owes, what was paid and what comes back stay consistent down to the rigs (issue 9 review: the
 * overpayment had no refund path).
 */
@QuarkusTest
class AuditCreditRefundTest extends PinnedTodayTest {

    /** Declared Chinese, ocean, 2025-09-15, 100,000.00 over two order lines (2 rigs, 1 rig): duty 57,600.00, fees 471.40. */
    static String chinese(String number) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"2025-09-15","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind Mining LLC",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"CN","customsValue":100000.00,"quantity":3,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":2600.00},
                             {"program":"SECTION_301","heading":"9903.88.02","ratePercent":25,"amount":25000.00},
                             {"program":"IEEPA_FENTANYL","heading":"9903.01.24","ratePercent":20,"amount":20000.00},
                             {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","ratePercent":10,"amount":10000.00}]}],
                 "fees":[{"type":"MPF","amount":346.40},{"type":"HMF","amount":125.00}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":60000.00,"quantity":2,
                                "serialNumbers":["R-1","R-2"]},
                               {"purchaseOrderId":"%s","lineNumber":2,"entryLine":1,"value":40000.00,"quantity":1,
                                "serialNumbers":["R-3"]}]}"""
                .formatted(number, PO, PO);
    }

    @Test
    void anOriginAuditThatLowersTheDutyBecomesAnOriginAuditRefundClaimReceivedAndReconciled() {
        String org = org();
        String number = number();
        String id = filed(org, chinese(number));
        move(org, id, "payments", "{\"amount\":58071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        // CBP asserts Malaysia: 9903.02.39 19,000.00 instead of Section 301 25,000.00 + 9903.01.24 20,000.00 + 9903.01.25 10,000.00
        move(org, id, "origin-audits", audit("MY", "2026-01-10")).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(-36000.00f))
                // what the audit changed per heading: 25,000 + 20,000 + 10,000 lowered, 9903.02.39 19,000 raised and netted
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }.heading",
                        equalTo(List.of("9903.88.02", "9903.01.24", "9903.01.25", "9903.02.39")))
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }.amount", equalTo(List.of(25000.00f, 20000.00f, 10000.00f, -19000.00f)));
        // the entry owes the Malaysian duty; nothing billed is unpaid
        allocationAddingUp(org, id, "22071.40");
        move(org, id, "payments", "{\"amount\":1.00,\"paidOn\":\"2026-01-20\",\"achReference\":\"ACH-2\"}").statusCode(409);

        move(org, id, "refund-request", "{\"requestedOn\":\"2026-02-01\",\"kind\":\"ORIGIN_AUDIT\",\"reason\":\"audit credit\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refund.kind", equalTo("ORIGIN_AUDIT")).body("refund.claimedTotal", equalTo(36000.00f))
                .body("refund.claimed.heading", equalTo(List.of("9903.88.02", "9903.01.24", "9903.01.25", "9903.02.39")));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-03-01\",\"principal\":36000.00,\"interest\":150.00,\"reference\":\"CBP-9\"}")
                .statusCode(200).body("status", equalTo("REFUNDED")).body("refund.shortfall", equalTo(0f))
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }", equalTo(List.of()));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-03-02\",\"kind\":\"ORIGIN_AUDIT\",\"reason\":\"again\"}")
                .statusCode(409).body("detail", containsString("36000.00 was claimed already"));
        // a refund of the credit does not lower what is owed again
        allocationAddingUp(org, id, "22071.40");

        // reconciliation: declared 58,071.40 + billed 0 - refunded 36,000.00 = what the entry owes; interest apart
        JsonPath rows = get(org, "/api/reconciliation?groupBy=entry").statusCode(200).extract().jsonPath();
        String mine = "rows.findAll { it.group == '" + number + "' }";
        assertEquals(new BigDecimal("58071.40"), sum(rows.getList(mine + ".declared")));
        assertEquals(new BigDecimal("0.00"), sum(rows.getList(mine + ".billed")));
        assertEquals(new BigDecimal("36150.00"), sum(rows.getList(mine + ".refunded")));
        assertEquals(new BigDecimal("150.00"), sum(rows.getList(mine + ".findAll { it.program == 'INTEREST' }.refunded")));
        // per layer, what the audit changed on it: declared - refunded = what the entry owes of the layer
        assertEquals(new BigDecimal("25000.00"), sum(rows.getList(mine + ".findAll { it.heading == '9903.88.02' }.refunded")));
        assertEquals(new BigDecimal("20000.00"), sum(rows.getList(mine + ".findAll { it.heading == '9903.01.24' }.refunded")));
        assertEquals(new BigDecimal("-19000.00"), sum(rows.getList(mine + ".findAll { it.heading == '9903.02.39' }.refunded")));
    }

    @Test
    void aLayerLoweredByAnAuditThatRaisesTheDutyInAllIsNettedInTheBillNotRefunded() {
        String org = org();
        String id = Entries.filedAndPaid(org);
        // Malaysian declared, CBP asserts China: 9903.02.39 -19,000.00 inside a bill of 36,000.00, as CBP nets it
        move(org, id, "origin-audits", audit("CN", "2026-01-10")).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(36000.00f))
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }", equalTo(List.of()));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-02-01\",\"kind\":\"ORIGIN_AUDIT\",\"reason\":\"none\"}")
                .statusCode(409).body("detail", containsString("no refund is due from an origin audit"));
    }

    /** The allocation's total is {@code total}; its lines and rigs add up to it, none below 0. */
    private static void allocationAddingUp(String org, String id, String total) {
        JsonPath allocation = get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal(total), new BigDecimal(allocation.getString("total")).setScale(2));
        assertEquals(new BigDecimal(total), sum(allocation.getList("lines.total")));
        List<Object> rigs = allocation.getList("lines.rigs.flatten().amount");
        assertEquals(3, rigs.size());
        assertEquals(new BigDecimal(total), sum(rigs));
        rigs.forEach(r -> assertTrue(new BigDecimal(r.toString()).signum() >= 0, "a rig below 0: " + r));
    }

    private static BigDecimal sum(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
