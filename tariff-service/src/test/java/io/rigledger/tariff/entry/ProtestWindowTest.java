package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The protest window (19 U.S.C. 1514(c)(3)): a deemed liquidation a year after entry (19 U.S.C. 1504(a))
 * opens it like CBP's, and a decided protest closes it for good, also after a refund request (issue 9).
 */
@QuarkusTest
class ProtestWindowTest {

    @Test
    void aDecidedProtestIsNotShownAgainAfterARefundRequest() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"MPF","heading":"","amount":300.00}]}""").statusCode(200);
        get(org, "/api/entries/" + id).statusCode(200).body("deadlines.kind", hasItem("PROTEST"));
        move(org, id, "protest", "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123457\",\"reason\":\"the MPF\"}").statusCode(200);
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"DENIED\",\"reason\":\"CBP denied it\"}")
                .statusCode(200);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-09-05\",\"kind\":\"LIQUIDATION\",\"reason\":\"MPF over-declared\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("deadlines.kind", not(hasItem("PROTEST")));
        get(org, "/api/deadlines?within=365d").statusCode(200).body("items.findAll { it.entryId == '" + id + "' }.kind",
                not(hasItem("PROTEST")));
    }

    @Test
    void aDeemedLiquidationShowsTheProtestDeadlineAndAcceptsAProtestWithinIt() {
        String org = org();
        // entered 2025-09-15, never liquidated: deemed liquidated 2026-09-15, protest until 2027-03-14
        String id = filedAndPaid(org);
        get(org, "/api/entries/" + id).statusCode(200)
                .body("deadlines.find { it.kind == 'PROTEST' }.due", equalTo("2027-03-14"))
                .body("status", equalTo("PAID"));
        move(org, id, "protest", "{\"filedOn\":\"2026-09-01\",\"protestNumber\":\"2704-26-123459\",\"reason\":\"before\"}").statusCode(409);
        move(org, id, "protest", "{\"filedOn\":\"2026-10-01\",\"protestNumber\":\"2704-26-123459\",\"reason\":\"the reciprocal rate\"}")
                .statusCode(200).body("status", equalTo("PROTESTED"))
                .body("deadlines.kind", not(hasItem("PROTEST")));
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-11-01\",\"decision\":\"ALLOWED\",\"reason\":\"CBP allowed it\"}")
                .statusCode(200).body("status", equalTo("FINALLY_LIQUIDATED"));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action",
                equalTo(List.of("FILE", "PAY", "PROTEST", "FINALLY_LIQUIDATE")));
    }
}
