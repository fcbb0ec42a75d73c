package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An entry carries several refund claims, each with its basis, claimed amount and what came back (issue 9 review:
 * one refund per entry blocked a CAPE claim beside the refund a liquidation made due, and a second CAPE claim for
 * IEEPA duty an origin audit billed after the first CAPE refund). The allocation, the ledger and the reconciliation's
 * refunded column follow every claim and add up.
 */
@QuarkusTest
class RefundClaimsTest extends PinnedTodayTest {

    @Test
    void aCapeClaimBesideTheRefundALiquidationMadeDueIsClaimedReceivedAndReconciledApart() {
        String org = org();
        String id = filedAndPaid(org);
        String number = get(org, "/api/entries/" + id).extract().path("entryNumber");
        // CBP liquidates MFN 100.00 and MPF 46.40 lower: a refund due of 146.40; the IEEPA duty stays for CAPE
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"MFN","heading":"8543.70.98","amount":2500.00},{"program":"MPF","heading":"","amount":300.00}]}""")
                .statusCode(200).body("liquidation.refundDue", equalTo(146.40f));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-07-30\",\"kind\":\"LIQUIDATION\",\"reason\":\"refund due\"}")
                .statusCode(200).body("refund.claim", equalTo(1)).body("refund.claimedTotal", equalTo(146.40f))
                .body("refundable.kind", equalTo(List.of("CAPE")));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-08-01\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refund.claim", equalTo(2)).body("refund.kind", equalTo("CAPE")).body("refund.claimedTotal", equalTo(19000.00f))
                .body("refunds.kind", equalTo(List.of("LIQUIDATION", "CAPE")))
                .body("refundable", empty());
        // one open claim of a kind at a time; nothing is left to claim from the liquidation
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-08-02\",\"kind\":\"CAPE\",\"reason\":\"again\"}").statusCode(409);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-08-02\",\"kind\":\"LIQUIDATION\",\"reason\":\"again\"}").statusCode(409);
        // two claims are open: the refund must name the one it answers
        move(org, id, "refunds", "{\"receivedOn\":\"2026-09-30\",\"principal\":19000.00,\"interest\":412.77,\"reference\":\"CBP-1\"}")
                .statusCode(400).body("violations.field", equalTo(List.of("claim")));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-09-30\",\"principal\":19000.00,\"interest\":412.77,\"reference\":\"CBP-1\",\"claim\":2}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refunds[1].principal", equalTo(19000.00f)).body("refunds[1].shortfall", equalTo(0f))
                .body("refunds[0].receivedOn", equalTo(null));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-10-01\",\"principal\":146.00,\"interest\":1.10,\"reference\":\"CBP-2\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refunds[0].principal", equalTo(146.00f)).body("refunds[0].shortfall", equalTo(0.40f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-10-02\",\"principal\":1.00,\"interest\":0,\"reference\":\"CBP-3\"}").statusCode(409);

        // owed: 22,071.40 declared - 146.40 liquidated - 19,000.00 refunded in CAPE
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(2925.00f))
                .body("layers.find { it.heading == '9903.02.39' }.amount", equalTo(0f))
                .body("layers.find { it.program == 'MFN' }.amount", equalTo(2500.00f))
                .body("layers.find { it.program == 'MPF' }.amount", equalTo(300.00f));
        JsonPath rows = get(org, "/api/reconciliation?groupBy=entry").statusCode(200).extract().jsonPath();
        String mine = "rows.findAll { it.group == '" + number + "' }";
        assertEquals(new BigDecimal("19559.87"), sum(rows.getList(mine + ".refunded")));
        assertEquals(List.of("19000.00"), amounts(rows.getList(mine + ".findAll { it.heading == '9903.02.39' }.refunded")));
        assertEquals(List.of("413.87"), amounts(rows.getList(mine + ".findAll { it.program == 'INTEREST' }.refunded")));
        assertEquals(sum(rows.getList("rows.refunded")), new BigDecimal(rows.getString("totals.refunded")).setScale(2));
        get(org, "/api/ieepa-refunds").statusCode(200)
                .body("items.find { it.entryId == '" + id + "' }.claimed", equalTo(19146.40f))
                // the IEEPA refund alone, and each kind apart, so finance cannot read the sum as the IEEPA claim
                .body("items.find { it.entryId == '" + id + "' }.capeClaimed", equalTo(19000.00f))
                .body("items.find { it.entryId == '" + id + "' }.capePrincipal", equalTo(19000.00f))
                .body("items.find { it.entryId == '" + id + "' }.byKind.kind", equalTo(List.of("CAPE", "LIQUIDATION")))
                .body("items.find { it.entryId == '" + id + "' }.byKind.claimed", equalTo(List.of(19000.00f, 146.40f)))
                .body("items.find { it.entryId == '" + id + "' }.byKind.shortfall", equalTo(List.of(0f, 0.40f)))
                .body("items.find { it.entryId == '" + id + "' }.principal", equalTo(19146.00f))
                .body("items.find { it.entryId == '" + id + "' }.shortfall", equalTo(0.40f));

        // a second entry of the org with a CAPE claim alone, received a cent short: the page's totals by hand, to the cent
        String cape = filedAndPaid(org);
        move(org, cape, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, cape, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":18999.99,\"interest\":5.00,\"reference\":\"CBP-4\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"));
        JsonPath page = get(org, "/api/ieepa-refunds").statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        String other = "items.find { it.entryId == '" + cape + "' }";
        assertEquals(List.of("CAPE"), page.getList(other + ".byKind.kind"));
        assertEquals(List.of("19000.00", "18999.99", "5.00", "0.01", "19000.00", "18999.99"),
                amounts(List.of(page.get(other + ".claimed"), page.get(other + ".principal"), page.get(other + ".interest"),
                        page.get(other + ".shortfall"), page.get(other + ".capeClaimed"), page.get(other + ".capePrincipal"))));
        // 19,146.40 + 19,000.00 claimed of which 19,000.00 + 19,000.00 in CAPE; 19,146.00 + 18,999.99 principal of which
        // 19,000.00 + 18,999.99 in CAPE; 413.87 + 5.00 interest; 0.40 + 0.01 shortfall
        assertEquals(List.of("38146.40", "38000.00", "38145.99", "37999.99", "418.87", "0.41"),
                amounts(List.of(page.get("totals.claimed"), page.get("totals.capeClaimed"), page.get("totals.principal"),
                        page.get("totals.capePrincipal"), page.get("totals.interest"), page.get("totals.shortfall"))));
        for (String amount : List.of("claimed", "principal", "interest", "shortfall", "capeClaimed", "capePrincipal")) {
            assertEquals(sum(page.getList("items." + amount)), page.getObject("totals." + amount, BigDecimal.class).setScale(2),
                    "totals." + amount + " is the sum of the items'");
        }
        for (String item : List.of(mineItem(id), other)) {
            for (String amount : List.of("claimed", "principal", "interest", "shortfall")) {
                assertEquals(page.getObject(item + "." + amount, BigDecimal.class).setScale(2), sum(page.getList(item + ".byKind." + amount)),
                        item + ": byKind's " + amount + " add up to the item's");
            }
            assertEquals(page.getObject(item + ".capeClaimed", BigDecimal.class).setScale(2),
                    sum(page.getList(item + ".byKind.findAll { it.kind == 'CAPE' }.claimed")), item + ": capeClaimed is byKind's CAPE");
        }
    }

    private static String mineItem(String id) {
        return "items.find { it.entryId == '" + id + "' }";
    }

    @Test
    void aSecondCapeClaimCoversIeepaDutyAnOriginAuditBilledAfterTheFirstCapeRefund() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":300.00,\"reference\":\"CBP-1\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"));
        // CBP asserts China: Section 301 25,000.00, 9903.01.24 20,000.00 and 9903.01.25 10,000.00 billed, paid
        // nothing of the bill is refundable before it is paid (19 U.S.C. 1505(b): only money deposited in excess comes back)
        move(org, id, "origin-audits", audit("CN", "2026-08-01")).statusCode(200).body("originAudits[0].dutyDifference", equalTo(55000.00f))
                .body("refundable", empty());
        move(org, id, "payments", "{\"amount\":55000.00,\"paidOn\":\"2026-08-15\",\"achReference\":\"ACH-BILL\"}").statusCode(200)
                .body("refundable.kind", equalTo(List.of("CAPE", "CAPE"))).body("refundable.heading", equalTo(List.of("9903.01.24", "9903.01.25")));
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-08-20\",\"kind\":\"CAPE\",\"reason\":\"IEEPA billed by the audit\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED"))
                .body("refund.claim", equalTo(2)).body("refund.claimed.heading", equalTo(List.of("9903.01.24", "9903.01.25")))
                .body("refund.claimedTotal", equalTo(30000.00f)).body("refunds", hasSize(2));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-10-30\",\"principal\":30000.00,\"interest\":250.00,\"reference\":\"CBP-2\"}")
                .statusCode(200).body("status", equalTo("REFUNDED")).body("refund.claim", equalTo(2)).body("refundable", empty());
        // owed: MFN 2,600.00 + Section 301 25,000.00 + MPF 346.40 + HMF 125.00; every IEEPA heading at 0
        get(org, "/api/entries/" + id + "/allocation").statusCode(200).body("total", equalTo(28071.40f))
                .body("layers.findAll { it.heading.startsWith('9903.0') && it.amount != 0 }", empty());
        get(org, "/api/entries/" + id).statusCode(200).body("deadlines.kind", not(hasItem("CAPE")));
        get(org, "/api/ieepa-refunds").statusCode(200)
                .body("items.find { it.entryId == '" + id + "' }.claimed", equalTo(49000.00f))
                .body("items.find { it.entryId == '" + id + "' }.interest", equalTo(550.00f))
                .body("items.find { it.entryId == '" + id + "' }.reasons", hasItem("no IEEPA duty owed"));
    }

    @Test
    void aCapeClaimOfIeepaDutyAnAuditBilledWaitsUntilTheBillIsPaid() {
        String org = org();
        String id = filedAndPaid(org);
        // the audit bills 9903.01.24 and 9903.01.25 (30,000.00 of IEEPA duty), its bill is not paid yet: nothing to refund
        move(org, id, "origin-audits", audit("CN", "2025-12-01")).statusCode(200);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(422).body("violations.field", equalTo(List.of("kind")))
                .body("detail", containsString("1505(b)"));
        get(org, "/api/entries/" + id).statusCode(200).body("refund", equalTo(null)).body("status", equalTo("PAID"));
        move(org, id, "payments", "{\"amount\":36000.00,\"paidOn\":\"2026-06-01\",\"achReference\":\"ACH-BILL\"}").statusCode(200);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200).body("refund.claimedTotal", equalTo(30000.00f));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":30000.00,\"interest\":0,\"reference\":\"CBP-1\"}")
                .statusCode(200).body("status", equalTo("REFUNDED"));
    }

    @Test
    void aRefundNamingAClaimTheEntryDoesNotHaveIs400AndAReceivedOneIs409() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "refund-request", CAPE_REQUEST).statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":0,\"reference\":\"CBP-1\",\"claim\":2}")
                .statusCode(400).body("violations.field", equalTo(List.of("claim")));
        move(org, id, "refunds", "{\"receivedOn\":\"2026-06-30\",\"principal\":19000.00,\"interest\":0,\"reference\":\"CBP-1\",\"claim\":1}")
                .statusCode(200);
        move(org, id, "refunds", "{\"receivedOn\":\"2026-07-30\",\"principal\":1.00,\"interest\":0,\"reference\":\"CBP-2\",\"claim\":1}")
                .statusCode(409);
    }

    private static BigDecimal sum(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static List<String> amounts(List<Object> amounts) {
        return amounts.stream().map(a -> new BigDecimal(a.toString()).setScale(2).toPlainString()).toList();
    }
}
