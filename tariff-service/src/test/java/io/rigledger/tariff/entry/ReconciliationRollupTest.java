package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The reconciliation reads a rollup kept by triggers (V7); after filing, paying, correcting (which
 * replaces the declared ledger rows) and liquidating (bill and refund), every grouping still answers
 * exactly what a GROUP BY of the ledger itself gives, row for row and to the cent.
 */
@QuarkusTest
class ReconciliationRollupTest extends PinnedTodayTest {

    @Inject
    DataSource dataSource;

    @Test
    void theRollupAnswersWhatTheLedgerItselfSumsToAfterCorrectionsAndLiquidation() throws SQLException {
        String org = org();
        String old = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, old, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, old, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"CBP liquidation notice",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":19500.00},{"program":"MPF","heading":"","amount":300.00}]}""")
                .statusCode(200).body("status", equalTo("LIQUIDATED"));
        LocalDate today = Today.DATE;
        String recent = filed(org, malaysian(number(), today.minusDays(30).toString(), "0.00", ""));
        move(org, recent, "payments", "{\"amount\":3071.40,\"paidOn\":\"" + today + "\",\"achReference\":\"ACH-2\"}").statusCode(200);
        move(org, recent, "corrections", Entries.correction("classification review", "0.00").replace("\"amount\":2600.00", "\"amount\":2650.00"))
                .statusCode(200).body("status", equalTo("CORRECTED"));

        for (String groupBy : List.of("order", "shipment", "entry", "origin", "program", "manufacturer")) {
            JsonPath json = get(org, "/api/reconciliation?groupBy=" + groupBy).statusCode(200).extract().jsonPath();
            List<String> answered = new ArrayList<>();
            for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
                answered.add(String.join("|", (String) r.get("group"), (String) r.get("program"), (String) r.get("heading"),
                        (String) r.get("firstEntryDate"), (String) r.get("lastEntryDate"), cents(r.get("estimated")),
                        cents(r.get("declared")), cents(r.get("paid")), cents(r.get("billed")), cents(r.get("refunded"))));
            }
            List<String> ledger = ledger(org, groupBy);
            assertFalse(ledger.isEmpty(), groupBy);
            assertEquals(ledger, answered, groupBy);
            // the count and totals (ReconciliationQuery.TOTALS: groups counted, sums from the program grouping's rows)
            // are those of the rows, over every date and over a range holding only the corrected entry
            assertRowCountAndTotalsAreTheRows(json, groupBy);
            assertRowCountAndTotalsAreTheRows(get(org, "/api/reconciliation?groupBy=" + groupBy + "&from=" + today.minusDays(31)
                    + "&to=" + today.minusDays(29)).statusCode(200).extract().jsonPath(), groupBy + " of one day");
        }
    }

    private static void assertRowCountAndTotalsAreTheRows(JsonPath json, String what) {
        List<Map<String, Object>> rows = json.getList("rows");
        assertFalse(rows.isEmpty(), what);
        assertEquals(rows.size(), json.getInt("rowCount"), what);
        for (String column : List.of("estimated", "declared", "paid", "billed", "refunded", "variance")) {
            BigDecimal sum = rows.stream().map(r -> new BigDecimal(r.get(column).toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(cents(sum), cents(json.getString("totals." + column)), what + " " + column);
        }
    }

    private static String cents(Object amount) {
        return new BigDecimal(amount.toString()).setScale(2).toPlainString();
    }

    /** The ledger grouped on demand (what V6's reconciliation did), in the reconciliation's row order. */
    private List<String> ledger(String org, String groupBy) throws SQLException {
        String key = switch (groupBy) {
            case "order" -> "a.order_id::text";
            case "shipment" -> "coalesce(a.shipment_id::text, '')";
            case "entry" -> "substr(e.entry_number, 1, 3) || '-' || substr(e.entry_number, 4, 7) || '-' || substr(e.entry_number, 11, 1)";
            case "origin" -> "a.origin";
            case "program" -> "a.program";
            default -> "a.manufacturer";
        };
        String sql = """
                select %s as grp, a.program, a.heading, min(a.entry_date), max(a.entry_date),
                       coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0)
                from entry_amount a join customs_entry e on e.id = a.entry_id
                where a.org = ? and a.kind <> 'ENGINE'
                group by 1, 2, 3 order by 1, 2, 3""".formatted(key);
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, org);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        cells.add(rs.getString(i));
                    }
                    for (int i = 6; i <= 10; i++) {
                        cells.add(rs.getBigDecimal(i).setScale(2).toPlainString());
                    }
                    rows.add(String.join("|", cells));
                }
            }
        }
        return rows;
    }
}
