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
import static org.hamcrest.Matchers.hasSize;

/**
 * No payment exceeds what is still due (declared duty and fees + CBP's bills - what was paid): 409 naming amount with
 * what is due, nothing written (issue 9, review defect 2).
 */
@QuarkusTest
class PaymentCapTest {

    private static String pay(String amount, String on, String ach) {
        return "{\"amount\":" + amount + ",\"paidOn\":\"" + on + "\",\"achReference\":\"" + ach + "\"}";
    }

    @Test
    void aFirstPaymentAboveTheDeclaredDepositIs409AndWritesNothing() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "payments", pay("1022071.40", "2025-09-25", "ACH-1")).statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("amount")))
                .body("violations[0].message", containsString("22071.40 still due"));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("FILED")).body("payments", hasSize(0))
                .body("paid", equalTo(0f));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE")));
        // a part, then the rest to the cent, then not a cent more
        move(org, id, "payments", pay("10000.00", "2025-09-25", "ACH-2")).statusCode(200).body("status", equalTo("FILED"));
        move(org, id, "payments", pay("12071.41", "2025-09-26", "ACH-3")).statusCode(409)
                .body("violations[0].message", containsString("12071.40 still due"));
        move(org, id, "payments", pay("12071.40", "2025-09-26", "ACH-3")).statusCode(200).body("status", equalTo("PAID"));
        move(org, id, "payments", pay("0.01", "2025-09-27", "ACH-4")).statusCode(409)
                .body("violations.field", equalTo(List.of("amount")));
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(2)).body("paid", equalTo(22071.40f));
    }

    @Test
    void afterAnOriginAuditOnlyItsBillCanBePaid() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "payments", pay("22071.40", "2025-09-25", "ACH-1")).statusCode(200);
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":250.00,\"reason\":\"CBP audit\"}")
                .statusCode(200).body("originAudits[0].bill", equalTo(36250.00f));
        move(org, id, "payments", pay("5000000.00", "2025-12-10", "ACH-2")).statusCode(409)
                .body("violations.field", equalTo(List.of("amount")))
                .body("violations[0].message", containsString("36250.00 still due"));
        move(org, id, "payments", pay("36250.01", "2025-12-10", "ACH-2")).statusCode(409);
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(1)).body("paid", equalTo(22071.40f));
        move(org, id, "payments", pay("36250.00", "2025-12-10", "ACH-2")).statusCode(200).body("paid", equalTo(58321.40f));
        move(org, id, "payments", pay("0.01", "2025-12-11", "ACH-3")).statusCode(409);
    }
}
