package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A refund's principal is capped per heading, not only per entry (issue 9 review): CBP's notice may give the principal per
 * heading; more than the claim claimed on a heading is refused (422 naming the heading and both amounts, 19 U.S.C. 1505(b)
 * refunds the excess deposited on a heading; no over-refund is recorded), and what is received is booked per heading as
 * CBP paid it, not re-split in proportion to the claim.
 */
@QuarkusTest
class RefundPerHeadingTest extends PinnedTodayTest {

    private static final String RECEIVED = "{\"receivedOn\":\"2026-06-30\",\"principal\":%s,\"interest\":0.00,\"reference\":\"CBP-1\","
            + "\"headings\":[%s]}";

    /** Chinese, paid 58,071.40, with a CAPE claim of 9903.01.24 20,000.00 and 9903.01.25 10,000.00; its id. */
    private static String claimed(String org, String number) {
        String id = filed(org, AuditCreditRefundTest.chinese(number));
        move(org, id, "payments", "{\"amount\":58071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200).body("refund.claimedTotal", equalTo(30000.00f))
                .body("refund.claimed.heading", equalTo(List.of("9903.01.24", "9903.01.25")));
        return id;
    }

    private static String heading(String heading, String amount) {
        return "{\"heading\":\"" + heading + "\",\"amount\":" + amount + "}";
    }

    @Test
    void aPrincipalAboveWhatTheClaimClaimedOnAHeadingIs422NamingTheHeadingAndTheAmounts() {
        String org = org();
        String id = claimed(org, number());
        // 30,000.00 in all is within the claim, but 25,000.00 on 9903.01.24 is 5,000.00 above what was claimed on it
        move(org, id, "refunds", RECEIVED.formatted("30000.00", heading("9903.01.24", "25000.00") + "," + heading("9903.01.25", "5000.00")))
                .statusCode(422).body("violations.field", equalTo(List.of("headings[0].amount")))
                .body("detail", allOf(containsString("9903.01.24"), containsString("25000.00"), containsString("20000.00")));
        move(org, id, "refunds", RECEIVED.formatted("30000.00", heading("9903.01.24", "20000.00") + "," + heading("9903.01.25", "9000.00")))
                .statusCode(400).body("violations.field", equalTo(List.of("headings")));
        move(org, id, "refunds", RECEIVED.formatted("1000.00", heading("9903.88.02", "1000.00")))
                .statusCode(400).body("violations.field", equalTo(List.of("headings[0].heading")));
        get(org, "/api/entries/" + id).statusCode(200).body("refund.receivedOn", equalTo(null)).body("status", equalTo("REFUND_REQUESTED"));
    }

    @Test
    void aPrincipalGivenPerHeadingIsBookedAsCbpPaidItAndItsShortfallStaysOwed() {
        String org = org();
        String number = number();
        String id = claimed(org, number);
        // CBP pays 9903.01.24 in full and 4,000.00 of 9903.01.25 (in proportion it would have been 16,000.00 and 8,000.00)
        move(org, id, "refunds", RECEIVED.formatted("24000.00", heading("9903.01.24", "20000.00") + "," + heading("9903.01.25", "4000.00")))
                .statusCode(200).body("status", equalTo("REFUNDED")).body("refund.shortfall", equalTo(6000.00f))
                .body("refund.received.heading", equalTo(List.of("9903.01.24", "9903.01.25")))
                .body("refund.received.amount", equalTo(List.of(20000.00f, 4000.00f)))
                // the 6,000.00 CBP did not pay back on 9903.01.25 is the claim's shortfall, no new CAPE claim
                .body("refundable.findAll { it.kind == 'CAPE' }", equalTo(List.of()));
        JsonPath rows = get(org, "/api/reconciliation?groupBy=entry").statusCode(200).extract().jsonPath();
        String mine = "rows.findAll { it.group == '" + number + "' && it.heading == '%s' }.refunded";
        assertEquals(new BigDecimal("20000.00"), sum(rows.getList(mine.formatted("9903.01.24"))));
        assertEquals(new BigDecimal("4000.00"), sum(rows.getList(mine.formatted("9903.01.25"))));
        // what the entry owes: 58,071.40 - 24,000.00, with 9903.01.25 at 6,000.00
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(34071.40f))
                .body("layers.find { it.heading == '9903.01.25' }.amount", equalTo(6000.00f));
    }

    private static BigDecimal sum(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
