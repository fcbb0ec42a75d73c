package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.file;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Amounts, repeats and dates the lifecycle refuses with 400 naming the field (or 409), nothing written. */
@QuarkusTest
class EntryRefusalsTest {

    @Test
    void aRefundPrincipalLargerThanTheClaimIs422NamingPrincipalAndTheClaim() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":99999.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(422).body("violations[0].field", equalTo("principal"))
                .body("violations[0].message", containsString("19000.00 USD"));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(200).body("refund.shortfall", equalTo(0f));
    }

    @Test
    void aPaymentDatedInTheFutureIs400NamingPaidOn() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "payments", "{\"amount\":1.00,\"paidOn\":\"2099-01-01\",\"achReference\":\"ACH-1\"}")
                .statusCode(400).body("violations[0].field", equalTo("paidOn"));
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(0));
    }

    @Test
    void aProtestDecisionDatedBeforeTheProtestIs400NamingDecidedOn() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"notice\"}").statusCode(200);
        move(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123456\",\"reason\":\"rate\"}").statusCode(200);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-08-01\",\"decision\":\"DENIED\",\"reason\":\"x\"}")
                .statusCode(400).body("violations[0].field", equalTo("decidedOn"));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("PROTESTED"));
    }

    @Test
    void aFeeTwiceOrALayerTwiceOnALineIs400NamingTheRepeat() {
        String org = org();
        file(org, malaysian(number(), "2025-09-15", "19000.00", "").replace("{\"type\":\"HMF\",\"amount\":125.00}",
                "{\"type\":\"MPF\",\"amount\":125.00}")).statusCode(400).body("violations.field", hasItem("fees[1].type"));
        file(org, malaysian(number(), "2025-09-15", "19000.00", "").replace("\"amount\":2600.00}",
                "\"amount\":2600.00},{\"program\":\"MFN\",\"heading\":\"8543.70.98\",\"ratePercent\":2.6,\"amount\":2600.00}"))
                .statusCode(400).body("violations.field", hasItem("lines[0].layers[1]"));
        get(org, "/api/entries").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aLayerLiquidatedTwiceIs400NamingTheRepeat() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"notice",
                 "layers":[{"program":"MFN","heading":"8543.70.98","amount":2700.00},{"program":"MFN","heading":"8543.70.98","amount":2500.00}]}""")
                .statusCode(400).body("violations[0].field", equalTo("layers[1]"));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void aSecondOriginAuditIsComputedAgainstWhatWasBilledAndTheSameNoticeTwiceIs409() {
        String org = org();
        String id = filedAndPaid(org);
        String audit = "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"%s\",\"interest\":%s,\"reason\":\"populated in China\"}";
        move(org, id, "origin-audits", audit.formatted("2025-12-01", "500.00")).statusCode(200)
                .body("originAudits[0].bill", equalTo(36500.00f));
        move(org, id, "origin-audits", audit.formatted("2025-12-01", "500.00")).statusCode(409);
        move(org, id, "origin-audits", audit.formatted("2026-01-15", "20.00")).statusCode(200)
                .body("originAudits", hasSize(2))
                .body("originAudits[1].dutyDifference", equalTo(0f))
                .body("originAudits[1].bill", equalTo(20.00f));
    }
}
