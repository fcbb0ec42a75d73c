package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every lifecycle move and its refusal, with the history it leaves. */
@QuarkusTest
class EntryLifecycleTest extends PinnedTodayTest {

    static final String PAY_PART = "{\"amount\":10000.00,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}";
    static final String PAY_REST = "{\"amount\":12071.40,\"paidOn\":\"2025-09-26\",\"achReference\":\"ACH-2\"}";

    @Test
    void fileThenPayThenCorrectThenLiquidateThenProtestThenFinallyLiquidateEachWithItsHistory() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "corrections", Entries.correction("not paid yet", "19000.00")).statusCode(409);
        move(org, id, "liquidation", "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"too early\"}").statusCode(409);
        move(org, id, "payments", PAY_PART).statusCode(200).body("status", equalTo("FILED")).body("paid", equalTo(10000.00f));
        move(org, id, "payments", PAY_REST).statusCode(200).body("status", equalTo("PAID")).body("paid", equalTo(22071.40f));
        move(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123456\",\"reason\":\"early\"}").statusCode(409);
        // the correction deadline of an entry of 2025-09-15 passed on 2026-07-11: refused today
        move(org, id, "corrections", Entries.correction("too late", "19500.00")).statusCode(409);

        String recent = filed(org, malaysian(number(), Today.DATE.minusDays(30).toString(), "0.00", ""));
        move(org, recent, "payments", "{\"amount\":3071.40,\"paidOn\":\"" + Today.DATE + "\",\"achReference\":\"ACH-3\"}")
                .statusCode(200).body("status", equalTo("PAID"));
        move(org, recent, "corrections", Entries.correction("classification review", "0.00").replace("\"amount\":2600.00", "\"amount\":2650.00"))
                .statusCode(200).body("status", equalTo("CORRECTED")).body("summary.version", equalTo(2))
                .body("summary.reason", equalTo("classification review"));
        get(org, "/api/entries/" + recent + "/versions/1").statusCode(200).body("version", equalTo(1))
                .body("lines[0].layers.find { it.key == 'MFN' }.declared", equalTo(2600.00f));
        get(org, "/api/entries/" + recent + "/versions/3").statusCode(404);

        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":19500.00},{"program":"MPF","heading":"","amount":300.00}]}""")
                .statusCode(200).body("status", equalTo("LIQUIDATED"))
                .body("liquidation.supplementaryBill", equalTo(500.00f)).body("liquidation.refundDue", equalTo(46.40f));
        move(org, id, "liquidation", "{\"liquidationDate\":\"2026-07-28\",\"reason\":\"twice\"}").statusCode(409);
        move(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123456\",\"reason\":\"the reciprocal rate\"}")
                .statusCode(200).body("status", equalTo("PROTESTED"));
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"NO_PROTEST\",\"reason\":\"x\"}").statusCode(400);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"DENIED\",\"reason\":\"CBP denied it\"}")
                .statusCode(200).body("status", equalTo("FINALLY_LIQUIDATED")).body("protest.decision", equalTo("DENIED"));
        get(org, "/api/entries/" + id + "/history").statusCode(200)
                .body("items.action", equalTo(List.of("FILE", "PAY", "PAY", "LIQUIDATE", "PROTEST", "FINALLY_LIQUIDATE")))
                .body("items.toStatus", equalTo(List.of("FILED", "FILED", "PAID", "LIQUIDATED", "PROTESTED", "FINALLY_LIQUIDATED")))
                .body("items[0].fromStatus", nullValue())
                .body("items[3].reason", equalTo("CBP liquidation notice"))
                .body("items[4].by", equalTo("finance-" + org));
    }

    @Test
    void aProtestMoreThan180DaysAfterLiquidationIs409AndTheWindowThenEndsInFinalLiquidation() {
        String org = org();
        String id = filed(org, """
                {"entryNumber":"%s","entryType":"01","entryDate":"2025-01-10","portCode":"2704","transportMode":"AIR","importer":"Northwind",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":1000.00,"quantity":1,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":26.00}]}],
                 "fees":[{"type":"MPF","amount":32.71}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":1000.00,"quantity":1}]}"""
                .formatted(number(), Entries.PO));
        move(org, id, "payments", "{\"amount\":58.71,\"paidOn\":\"2025-01-20\",\"achReference\":\"ACH-9\"}").statusCode(200);
        move(org, id, "liquidation", "{\"liquidationDate\":\"2025-11-24\",\"reason\":\"as entered\"}").statusCode(200)
                .body("liquidation.supplementaryBill", equalTo(0f));
        move(org, id, "protest", "{\"filedOn\":\"2026-06-01\",\"protestNumber\":\"2704-26-000001\",\"reason\":\"late\"}")
                .statusCode(409).contentType("application/problem+json");
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-05-20\",\"decision\":\"DENIED\",\"reason\":\"x\"}").statusCode(400);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-05-20\",\"decision\":\"NO_PROTEST\",\"reason\":\"window closed 2026-05-23\"}")
                .statusCode(409);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-06-01\",\"decision\":\"NO_PROTEST\",\"reason\":\"window closed\"}")
                .statusCode(200).body("status", equalTo("FINALLY_LIQUIDATED"));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-06-02\",\"kind\":\"CAPE\",\"reason\":\"no IEEPA\"}").statusCode(409);
    }

    @Test
    void aCapeRefundIsClaimedPerHeadingReceivedWithInterestApartAndReconciledAgainstTheClaim() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":1.00,\"interest\":0,\"reference\":\"R-0\"}").statusCode(409);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-04-21\",\"kind\":\"CAPE\",\"reason\":\"unpaid\"}").statusCode(409);
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-04-21\",\"kind\":\"LIQUIDATION\",\"reason\":\"none due\"}").statusCode(409);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-04-21\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refund.claimed[0].heading", equalTo("9903.02.39")).body("refund.claimedTotal", equalTo(19000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":18900.00,\"interest\":412.77,\"reference\":\"CBP-1\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refund.principal", equalTo(18900.00f)).body("refund.interest", equalTo(412.77f))
                .body("refund.shortfall", equalTo(100.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-07-30\",\"principal\":1.00,\"interest\":0,\"reference\":\"CBP-2\"}").statusCode(409);
    }

    @Test
    void aCapeRequestForAnEntryOnADrawbackClaimIs409SayingWhy() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ",\"drawbackClaim\":true"));
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-04-21\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}")
                .statusCode(409).body("detail", containsString("on a drawback claim"));
    }

    @Test
    void anOriginAuditOfAMalaysianEntryToChinaBillsTheChinaStackDifferencePlusInterest() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":500.00,\"reason\":\"x\"}")
                .statusCode(409);
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        // China on 2025-09-15: MFN 2.6, Section 301 25, fentanyl 20 (9903.01.24), reciprocal 10 (9903.01.25) on 100,000.00
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":500.00,"
                + "\"reason\":\"CBP holds the hashboards were populated in China\"}")
                .statusCode(200).body("status", equalTo("PAID"))
                .body("originAudits[0].declaredOrigins", equalTo(List.of("MY")))
                .body("originAudits[0].layers.find { it.program == 'SECTION_301' }.difference", equalTo(25000.00f))
                .body("originAudits[0].layers.find { it.program == 'IEEPA_FENTANYL' }.difference", equalTo(20000.00f))
                .body("originAudits[0].layers.find { it.heading == '9903.01.25' }.difference", equalTo(10000.00f))
                .body("originAudits[0].layers.find { it.heading == '9903.02.39' }.difference", equalTo(-19000.00f))
                .body("originAudits[0].layers.find { it.program == 'MFN' }.difference", equalTo(0f))
                .body("originAudits[0].dutyDifference", equalTo(36000.00f))
                .body("originAudits[0].bill", equalTo(36500.00f));
    }
}
