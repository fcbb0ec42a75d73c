package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A liquidation and an origin audit are each computed against what the entry owed just before them
 * (declared, an audit's bill, a liquidation, a CAPE refund received), never the declared amounts again,
 * so no owed layer of the allocation falls below 0 (issue 9, left-overs of the lifecycle change).
 */
@QuarkusTest
class OwedBeforeEachStepTest {

    private static final String AUDIT_CN = "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":0,\"reason\":\"CBP audit\"}";

    @Test
    void aLiquidationAfterAnOriginAuditComparesWithWhatTheAuditBilled() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "origin-audits", AUDIT_CN).statusCode(200).body("originAudits[0].dutyDifference", equalTo(36000.00f));
        // CBP liquidates as audited: 9903.02.39 at 0 (the audit took its 19,000.00 off), 9903.01.25 at 10,000.00 (billed by the audit)
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"liquidated as audited",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":0},
                           {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","amount":10000.00}]}""")
                .statusCode(200)
                .body("liquidation.layers.find { it.heading == '9903.02.39' }.before", equalTo(0f))
                .body("liquidation.layers.find { it.heading == '9903.02.39' }.difference", equalTo(0f))
                .body("liquidation.layers.find { it.heading == '9903.01.25' }.before", equalTo(10000.00f))
                .body("liquidation.layers.find { it.heading == '9903.01.25' }.difference", equalTo(0f))
                .body("liquidation.supplementaryBill", equalTo(0f))
                .body("liquidation.refundDue", equalTo(0f));
        allocationOwingNothingBelowZero(org, id)
                .body("total", equalTo(58071.40f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(0f));
    }

    @Test
    void anOriginAuditAfterALiquidationComparesWithTheLiquidatedAmounts() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":18000.00}]}""").statusCode(200);
        move(org, id, "origin-audits", AUDIT_CN.replace("2025-12-01", "2026-08-01")).statusCode(200)
                .body("originAudits[0].layers.find { it.heading == '9903.02.39' }.before", equalTo(18000.00f))
                .body("originAudits[0].layers.find { it.heading == '9903.02.39' }.difference", equalTo(-18000.00f))
                .body("originAudits[0].dutyDifference", equalTo(37000.00f));
        allocationOwingNothingBelowZero(org, id)
                .body("total", equalTo(58071.40f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(0f));
    }

    @Test
    void anOriginAuditAfterACapeRefundAndOneThatLowersTheDutyLeaveNoLayerBelowZero() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(200);
        move(org, id, "origin-audits", AUDIT_CN.replace("2025-12-01", "2026-08-01")).statusCode(200)
                // 9903.02.39 was refunded: nothing of it is owed, so nothing of it is taken off again
                .body("originAudits[0].dutyDifference", equalTo(55000.00f));
        // back to Malaysia: the audit lowers the duty by the China layers, 9903.02.39 comes back at 19,000.00
        move(org, id, "origin-audits", AUDIT_CN.replace("2025-12-01", "2026-09-01").replace("CN", "MY")).statusCode(200)
                .body("originAudits[1].dutyDifference", equalTo(-36000.00f));
        allocationOwingNothingBelowZero(org, id)
                .body("total", equalTo(22071.40f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(19000.00f));
    }

    @Test
    void aCapeRefundAboveWhatAnAuditLeftOwedOnTheHeadingIs409() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, id, "origin-audits", AUDIT_CN.replace("2025-12-01", "2026-05-01")).statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(409);
        allocationOwingNothingBelowZero(org, id);
    }

    @Test
    void aCapeRefundOfAHeadingOnlyAnOriginAuditBroughtIsBookedUnderItsOwnProgram() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "origin-audits", AUDIT_CN).statusCode(200);
        // the bill is paid (only money paid in excess comes back, 19 U.S.C. 1505(b))
        move(org, id, "payments", "{\"amount\":36000.00,\"paidOn\":\"2026-01-15\",\"achReference\":\"ACH-BILL\"}").statusCode(200);
        // claimed: 9903.01.24 (IEEPA fentanyl, China) 20,000.00 and 9903.01.25 (IEEPA reciprocal, China) 10,000.00
        move(org, id, "refund-request", CAPE_REQUEST)
                .statusCode(200).body("refund.claimedTotal", equalTo(30000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":15000.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(200);
        allocationOwingNothingBelowZero(org, id)
                // 15,000.00 over the claim of 20,000.00 and 10,000.00: 10,000.00 and 5,000.00 come back
                .body("total", equalTo(43071.40f))
                .body("layers.findAll { it.heading == '9903.01.24' }.program", equalTo(List.of("IEEPA_FENTANYL")))
                .body("layers.find { it.heading == '9903.01.24' }.amount", equalTo(10000.00f))
                .body("layers.find { it.heading == '9903.01.25' }.amount", equalTo(5000.00f));
    }

    /**
     * The entry's allocation (200), every layer of the entry and of each line, and each line's total,
     * checked to be 0 or more (the contract's Money).
     */
    private static ValidatableResponse allocationOwingNothingBelowZero(String org, String id) {
        ValidatableResponse response = get(org, "/api/entries/" + id + "/allocation").statusCode(200);
        JsonPath allocation = response.extract().jsonPath();
        List<Object> amounts = new ArrayList<>(allocation.getList("layers.amount"));
        amounts.addAll(allocation.getList("lines.layers.flatten().amount"));
        amounts.addAll(allocation.getList("lines.total"));
        assertFalse(amounts.isEmpty());
        amounts.forEach(a -> assertTrue(new BigDecimal(a.toString()).signum() >= 0, "an owed amount below 0: " + a));
        return response;
    }
}
