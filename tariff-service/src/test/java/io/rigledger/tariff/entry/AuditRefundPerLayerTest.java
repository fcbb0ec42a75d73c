package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The refund of an origin audit's credit is booked per layer and order line as the audit changed each (issue 9 review:
 * the reconciliation's refunded per layer followed the claim's split of the net credit over the lowered layers, so the
 * entry's totals were exact while a layer was off by what the audit raised elsewhere).
 */
@QuarkusTest
class AuditRefundPerLayerTest extends PinnedTodayTest {

    @Test
    void theRefundOfAnAuditCreditLowersEachLayerOfEachOrderLineByWhatTheAuditChangedThere() {
        String org = org();
        String number = number();
        String id = filed(org, MultiLineDecreaseTest.mixed(number));
        move(org, id, "payments", "{\"amount\":51107.10,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        // CBP asserts Malaysia: the Malaysian line (order line 1) is unchanged; the Chinese line (order line 2) loses Section 301
        // 12,500.00, 9903.01.24 10,000.00 and 9903.01.25 5,000.00 and gains 9903.02.39 9,500.00: a credit of 18,000.00
        move(org, id, "origin-audits", audit("MY", "2026-01-10")).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(-18000.00f))
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }.heading",
                        equalTo(List.of("9903.02.39", "9903.88.02", "9903.01.24", "9903.01.25")))
                // not the net credit over the lowered layers (8,181.82 + 6,545.45 + 3,272.73): what the audit changed on each
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }.amount", equalTo(List.of(-9500.00f, 12500.00f, 10000.00f, 5000.00f)));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-02-01\",\"kind\":\"ORIGIN_AUDIT\",\"reason\":\"audit credit\"}")
                .statusCode(200).body("refund.claimedTotal", equalTo(18000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-03-01\",\"principal\":18000.00,\"interest\":0.00,\"reference\":\"CBP-9\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refund.received.amount", equalTo(List.of(-9500.00f, 12500.00f, 10000.00f, 5000.00f)));

        // by origin, i.e. by 7501 line and so by order line: everything on the Chinese line, nothing on the Malaysian one
        JsonPath rows = get(org, "/api/reconciliation?groupBy=origin").statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("12500.00"), refunded(rows, "CN", "9903.88.02"));
        assertEquals(new BigDecimal("10000.00"), refunded(rows, "CN", "9903.01.24"));
        assertEquals(new BigDecimal("5000.00"), refunded(rows, "CN", "9903.01.25"));
        assertEquals(new BigDecimal("-9500.00"), refunded(rows, "CN", "9903.02.39"));
        assertEquals(new BigDecimal("0.00"), refunded(rows, "MY", "9903.02.39"));
        // per layer: paid - refunded = what each line owes of it now (the allocation)
        JsonPath allocation = get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("9500.00"), amount(allocation, "lines.find { it.lineNumber == 2 }.layers.find { it.heading == '9903.02.39' }"));
        assertEquals(List.of(), allocation.getList("lines.find { it.lineNumber == 2 }.layers.findAll { it.heading == '9903.88.02' && it.amount != 0 }"));
        JsonPath entry = get(org, "/api/reconciliation?groupBy=entry").statusCode(200).extract().jsonPath();
        String mine = "rows.findAll { it.group == '" + number + "' && it.program != 'INTEREST' }";
        assertEquals(new BigDecimal("18000.00"), sum(entry.getList(mine + ".refunded")));
    }

    private static BigDecimal refunded(JsonPath rows, String origin, String heading) {
        return sum(rows.getList("rows.findAll { it.group == '" + origin + "' && it.heading == '" + heading + "' }.refunded"));
    }

    private static BigDecimal amount(JsonPath json, String path) {
        return new BigDecimal(json.getString(path + ".amount")).setScale(2);
    }

    private static BigDecimal sum(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
