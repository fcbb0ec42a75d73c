package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A refund claims what was paid in excess, never a bill that was reversed before it was paid (19 U.S.C. 1505(b); issue 9
 * fresh review, item 1): a Malaysian entry paid 22,071.40, audited to China (a supplementary bill of 36,000.00, never paid),
 * then liquidated with the audit's bill reversed and 9903.02.39 at 1,000.00. What was paid in excess is 19,000.00 - 1,000.00
 * = 18,000.00 on 9903.02.39; the reversed Section 301 and IEEPA duty was never paid, so it returns no money. Before, the
 * liquidation's decreases (55,000.00) were claimed and a receipt far above the excess was accepted.
 */
@QuarkusTest
class ExcessPaidRefundTest extends PinnedTodayTest {

    private static final String REVERSING_LIQUIDATION = """
            {"liquidationDate":"2026-03-02","reason":"audit bill reversed; reciprocal duty liquidated lower",
             "layers":[{"program":"SECTION_301","heading":"9903.88.02","amount":0.00},
                       {"program":"IEEPA_FENTANYL","heading":"9903.01.24","amount":0.00},
                       {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","amount":0.00},
                       {"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":1000.00}]}""";

    @Test
    void aRefundAfterAnUnpaidBillWasReversedClaimsAndReceivesOnlyWhatWasPaidInExcess() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "origin-audits", audit("CN", "2026-01-10")).statusCode(200).body("originAudits[0].bill", equalTo(36000.00f));
        move(org, id, "liquidation", REVERSING_LIQUIDATION).statusCode(200);
        get(org, "/api/entries/" + id).statusCode(200)
                .body("refundable.findAll { it.kind == 'LIQUIDATION' }.heading", equalTo(List.of("9903.02.39")))
                .body("refundable.findAll { it.kind == 'LIQUIDATION' }.amount", equalTo(List.of(18000.00f)));
        // the reviewer's over-claim: 54,000.00 is refused with the cap
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-03-05\",\"kind\":\"LIQUIDATION\",\"reason\":\"refund due\","
                + "\"amount\":54000.00}")
                .statusCode(422).contentType("application/problem+json").body("violations.field", equalTo(List.of("amount")))
                .body("detail", allOf(containsString("54000.00"), containsString("18000.00"), containsString("1505(b)")));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("LIQUIDATED"));
        // the correct claim
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-03-05\",\"kind\":\"LIQUIDATION\",\"reason\":\"refund due\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED")).body("refund.claimedTotal", equalTo(18000.00f))
                .body("refund.claimed.heading", equalTo(List.of("9903.02.39")));
        // the reviewer's over-receipt: 51,107.10 is refused with the claim
        move(org, id, "refunds", "{\"receivedOn\":\"2026-04-01\",\"principal\":51107.10,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(422).contentType("application/problem+json").body("violations.field", equalTo(List.of("principal")))
                .body("detail", allOf(containsString("51107.10"), containsString("18000.00")));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-04-01\",\"principal\":18000.00,\"interest\":120.00,\"reference\":\"CBP-1\"}")
                .statusCode(200).body("status", equalTo("REFUNDED")).body("refund.shortfall", equalTo(0f))
                .body("refundable.findAll { it.kind == 'LIQUIDATION' }", equalTo(List.of()));
        // what the entry owes: MFN 2,600.00 + 9903.02.39 1,000.00 + fees 471.40 = paid 22,071.40 - refunded 18,000.00
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(4071.40f));
    }

    @Test
    void aBillReversedByASecondAuditBeforeItWasPaidIsNoRefund() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "origin-audits", audit("CN", "2026-01-10")).statusCode(200).body("originAudits[0].bill", equalTo(36000.00f));
        // CBP withdraws its claim: back to Malaysia, lowering the duty by the 36,000.00 it billed and nobody paid
        move(org, id, "origin-audits", audit("MY", "2026-02-10")).statusCode(200).body("originAudits[1].dutyDifference", equalTo(-36000.00f))
                .body("refundable.findAll { it.kind == 'ORIGIN_AUDIT' }", equalTo(List.of()));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-02-12\",\"kind\":\"ORIGIN_AUDIT\",\"reason\":\"audit withdrawn\"}")
                .statusCode(422).body("violations.field", equalTo(List.of("kind"))).body("detail", containsString("0.00 USD"));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("PAID")).body("refund", equalTo(null));
    }
}
