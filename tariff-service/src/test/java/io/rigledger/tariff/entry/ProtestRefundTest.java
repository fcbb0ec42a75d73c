package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A protest CBP allows after liquidation (19 U.S.C. 1514, 1515(a)) reliquidates the entry lower and CBP refunds the
 * difference with interest (19 U.S.C. 1505(c)): a PROTEST refund claim, received, booked per order line and reconciled
 * (issue 9 review: there was no refund kind for a granted protest).
 */
@QuarkusTest
class ProtestRefundTest extends PinnedTodayTest {

    private static final String LIQUIDATED_AS_DECLARED = "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"CBP liquidation notice\"}";
    private static final String PROTEST = "{\"filedOn\":\"2026-08-10\",\"protestNumber\":\"2704-26-123456\",\"reason\":\"reciprocal rate\"}";
    private static final String PROTEST_CLAIM = "{\"requestedOn\":\"2026-09-05\",\"kind\":\"PROTEST\",\"reason\":\"protest granted\"}";
    /** CBP allows the protest and reliquidates 9903.02.39 at 10,000.00 instead of 19,000.00. */
    private static final String ALLOWED = """
            {"decidedOn":"2026-09-01","decision":"ALLOWED","reason":"CBP allowed the protest",
             "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":10000.00}]}""";

    /** Filed, paid 22,071.40, liquidated as declared, protested; its id. */
    private static String protested(String org) {
        String id = filedAndPaid(org);
        move(org, id, "liquidation", LIQUIDATED_AS_DECLARED).statusCode(200);
        move(org, id, "protest", PROTEST).statusCode(200).body("status", equalTo("PROTESTED"));
        return id;
    }

    @Test
    void aProtestCbpAllowedIsRefundedAsAProtestClaimPerOrderLineAndReconciled() {
        String org = org();
        String id = protested(org);
        // no refund while the protest is open
        move(org, id, "refund-request", PROTEST_CLAIM).statusCode(409).body("detail", containsString("PROTESTED"));
        move(org, id, "final-liquidation", ALLOWED).statusCode(200).body("status", equalTo("FINALLY_LIQUIDATED"))
                .body("protest.decision", equalTo("ALLOWED")).body("protest.refundDue", equalTo(9000.00f))
                .body("protest.layers[0].before", equalTo(19000.00f)).body("protest.layers[0].after", equalTo(10000.00f))
                .body("refundable.findAll { it.kind == 'PROTEST' }.heading", equalTo(List.of("9903.02.39")))
                .body("refundable.findAll { it.kind == 'PROTEST' }.amount", equalTo(List.of(9000.00f)));
        // the entry owes the reliquidated duty: 22,071.40 - 9,000.00
        JsonPath allocation = get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(13071.40f))
                .extract().jsonPath();
        assertEquals(new BigDecimal("13071.40"), sum(allocation.getList("lines.total")));
        assertEquals(new BigDecimal("10000.00"), sum(allocation.getList("lines.layers.flatten().findAll { it.heading == '9903.02.39' }.amount")));

        move(org, id, "refund-request", PROTEST_CLAIM).statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refund.kind", equalTo("PROTEST")).body("refund.claimedTotal", equalTo(9000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-10-01\",\"principal\":9000.00,\"interest\":120.00,\"reference\":\"CBP-P1\"}")
                .statusCode(200).body("status", equalTo("REFUNDED")).body("refund.shortfall", equalTo(0f))
                .body("refundable.findAll { it.kind == 'PROTEST' }", equalTo(List.of()));
        move(org, id, "refund-request", PROTEST_CLAIM.replace("2026-09-05", "2026-10-02")).statusCode(409)
                .body("detail", containsString("9000.00 was claimed already"));
        // the refund does not lower what is owed a second time
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(13071.40f));

        // reconciliation: 9903.02.39 refunded as the reliquidation lowered it, interest apart
        JsonPath rows = get(org, "/api/reconciliation?groupBy=entry").statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("9000.00"), sum(rows.getList("rows.findAll { it.heading == '9903.02.39' }.refunded")));
        assertEquals(new BigDecimal("120.00"), sum(rows.getList("rows.findAll { it.program == 'INTEREST' }.refunded")));
        assertEquals(new BigDecimal("22071.40"), sum(rows.getList("rows.declared")));
    }

    @Test
    void aReliquidationNeedsAnAllowedProtestAndCanOnlyLowerTheDuty() {
        String org = org();
        String id = protested(org);
        move(org, id, "final-liquidation", ALLOWED.replace("\"ALLOWED\"", "\"DENIED\"")).statusCode(400)
                .body("violations.field", equalTo(List.of("layers")));
        move(org, id, "final-liquidation", ALLOWED.replace("10000.00", "19000.01")).statusCode(422)
                .body("violations.field", equalTo(List.of("layers[0].amount"))).body("detail", containsString("19000.00"));
        move(org, id, "final-liquidation", "{\"decidedOn\":\"2026-09-01\",\"decision\":\"ALLOWED\",\"reason\":\"allowed\"}")
                .statusCode(200).body("protest.decision", equalTo("ALLOWED"));
        // allowed without a reliquidation: nothing to refund
        move(org, id, "refund-request", PROTEST_CLAIM).statusCode(409).body("detail", containsString("no refund is due"));
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(22071.40f));
    }

    private static BigDecimal sum(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
