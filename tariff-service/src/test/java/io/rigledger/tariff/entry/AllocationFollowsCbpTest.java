package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.PAID_IN_FULL;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;

/**
 * The allocation (what procurement reads for landed cost) follows what CBP does after the entry: an
 * origin audit's difference, a liquidation's increases and decreases, a CAPE refund's principal;
 * interest stays out; every line and rig adds up and stays within a cent (issue 9 and issue 11).
 */
@QuarkusTest
class AllocationFollowsCbpTest {

    @Test
    void anOriginAuditToChinaAddsItsDutyDifferenceToTheLinesButNotItsInterest() {
        String org = org();
        String id = filedAndPaid(org);
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(22071.40f));
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":500.00,\"reason\":\"x\"}")
                .statusCode(200).body("originAudits[0].dutyDifference", equalTo(36000.00f));
        // 22,071.40 declared + 36,000.00 duty difference (Section 301, fentanyl and China reciprocal in, 9903.02.39 out)
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("total", equalTo(58071.40f))
                .body("layers.find { it.program == 'SECTION_301' }.amount", equalTo(25000.00f))
                .body("layers.find { it.program == 'SECTION_301' }.declared", equalTo(0f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(0f))
                .body("layers.find { it.heading == '9903.02.39' }.declared", equalTo(19000.00f))
                .body("layers.find { it.program == 'INTEREST' }", equalTo(null))
                // by value 57,142.86 / 42,857.14: exact 33,183.6588... and 24,887.7411...
                .body("lines.total", equalTo(List.of(33183.66f, 24887.74f)));
    }

    @Test
    void aLiquidationsIncreaseAndDecreaseAndACapeRefundsPrincipalReachTheLines() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":19500.00},{"program":"MPF","heading":"","amount":300.00}]}""")
                .statusCode(200);
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("total", equalTo(22525.00f))
                .body("layers.find { it.program == 'MPF' }.amount", equalTo(300.00f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(19500.00f));

        String cape = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, cape, "payments", PAID_IN_FULL).statusCode(200);
        move(org, cape, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, cape, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":18900.00,\"interest\":412.77,\"reference\":\"CBP-1\"}")
                .statusCode(200);
        get(org, "/api/entries/" + cape + "/allocation").statusCode(200)
                .body("total", equalTo(3171.40f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(100.00f));
    }
}
