package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What may still happen once a refund is requested or the entry is liquidated (issue 9 review): a
 * protest within 180 days of liquidation (19 U.S.C. 1514(c)(3)), an origin audit, paying CBP's
 * supplementary bill; and reconciliation's default range leaves no entry out.
 */
@QuarkusTest
class EntryAfterLiquidationTest {

    private static final String LIQUIDATE = """
            {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
             "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":19500.00},{"program":"MPF","heading":"","amount":300.00}]}""";

    @Test
    void aRefundRequestAfterLiquidationLeavesTheProtestOpenAndTheRefundIsStillRecorded() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", LIQUIDATE).statusCode(200).body("liquidation.refundDue", equalTo(46.40f));
        // the liquidation's bill of 500.00 is paid, else it nets the MPF's 46.40 (19 U.S.C. 1505(b): only an excess comes back)
        move(org, id, "payments", "{\"amount\":500.00,\"paidOn\":\"2026-07-28\",\"achReference\":\"ACH-2\"}").statusCode(200);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-07-30\",\"kind\":\"LIQUIDATION\",\"reason\":\"MPF over-declared\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"));
        move(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123457\",\"reason\":\"the reciprocal rate\"}")
                .statusCode(200).body("status", equalTo("PROTESTED"));
        move(org, id, "protest", "{\"filedOn\":\"2026-08-11\",\"protestNumber\":\"2704-26-123458\",\"reason\":\"again\"}")
                .statusCode(409);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-08-12\",\"kind\":\"LIQUIDATION\",\"reason\":\"twice\"}").statusCode(409);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-08-20\",\"principal\":46.40,\"interest\":0.31,\"reference\":\"CBP-7\"}")
                .statusCode(200).body("status", equalTo("PROTESTED")).body("refund.principal", equalTo(46.40f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-08-21\",\"principal\":1.00,\"interest\":0,\"reference\":\"CBP-8\"}").statusCode(409);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"DENIED\",\"reason\":\"CBP denied it\"}")
                .statusCode(200).body("status", equalTo("FINALLY_LIQUIDATED"));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action",
                equalTo(List.of("FILE", "PAY", "LIQUIDATE", "PAY", "REQUEST_REFUND", "PROTEST", "RECORD_REFUND", "FINALLY_LIQUIDATE")));
    }

    @Test
    void anOriginAuditAfterACapeRequestIsRecordedAndItsBillCanBePaidOnce() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST)
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"));
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2026-05-01\",\"interest\":500.00,\"reason\":\"CBP audit\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED")).body("originAudits[0].bill", equalTo(36500.00f));
        move(org, id, "payments", "{\"amount\":36500.00,\"paidOn\":\"2026-05-20\",\"achReference\":\"ACH-BILL\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED")).body("paid", equalTo(58571.40f));
        move(org, id, "payments", "{\"amount\":1.00,\"paidOn\":\"2026-05-21\",\"achReference\":\"ACH-MORE\"}").statusCode(409);
    }

    @Test
    void aLiquidationsSupplementaryBillCanBePaidAndNothingMore() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", LIQUIDATE).statusCode(200).body("liquidation.supplementaryBill", equalTo(500.00f));
        move(org, id, "payments", "{\"amount\":500.00,\"paidOn\":\"2026-08-05\",\"achReference\":\"ACH-SUPP\"}")
                .statusCode(200).body("status", equalTo("LIQUIDATED")).body("paid", equalTo(22571.40f));
        move(org, id, "payments", "{\"amount\":0.01,\"paidOn\":\"2026-08-06\",\"achReference\":\"ACH-MORE\"}").statusCode(409);
    }

    @Test
    void reconciliationWithoutDatesIncludesEntriesDatedAheadOfToday() {
        String org = org();
        String number = number();
        String ahead = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        filed(org, malaysian(number, ahead, "19000.00", ""));
        get(org, "/api/reconciliation?groupBy=entry").statusCode(200)
                .body("rows.group", hasItem(number))
                .body("to", equalTo("2199-12-31"));
    }
}
