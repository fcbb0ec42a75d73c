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
            List<String> ledger = ledger(dataSource, org, groupBy, LocalDate.EPOCH, LocalDate.of(2199, 12, 31), "g.group_key, g.program, g.heading").stream()
                    .map(r -> r.substring(0, r.lastIndexOf('|', r.lastIndexOf('|') - 1))).toList();
            assertFalse(ledger.isEmpty(), groupBy);
            assertEquals(ledger, answered, groupBy);
            // every order the contract offers, descending over every date and ascending over one day (where the
            // origin and program groups straddle the range: grouped from the rollup, the others read whole from
            // V14's groups); variance, the console's, both ways over both
            for (String sort : SORTS.keySet()) {
                for (boolean descending : sort.equals("variance") ? List.of(false, true) : List.of(true)) {
                    String param = (descending ? "-" : "") + sort;
                    assertEquals(ledger(dataSource, org, groupBy, LocalDate.of(2019, 1, 1), LocalDate.of(2199, 12, 31), order(sort, descending)),
                            rows(org, "groupBy=" + groupBy + "&sort=" + param), groupBy + " sort=" + param);
                }
                for (boolean descending : sort.equals("variance") ? List.of(false, true) : List.of(false)) {
                    String param = (descending ? "-" : "") + sort;
                    assertEquals(ledger(dataSource, org, groupBy, today.minusDays(31), today.minusDays(29), order(sort, descending)),
                            rows(org, "groupBy=" + groupBy + "&sort=" + param + "&from=" + today.minusDays(31) + "&to=" + today.minusDays(29)),
                            groupBy + " of one day, sort=" + param);
                }
            }
            // the count and totals (ReconciliationQuery.TOTALS: groups counted, sums from the program grouping's rows)
            // are those of the rows, over every date and over a range holding only the corrected entry
            assertRowCountAndTotalsAreTheRows(json, groupBy);
            assertRowCountAndTotalsAreTheRows(get(org, "/api/reconciliation?groupBy=" + groupBy + "&from=" + today.minusDays(31)
                    + "&to=" + today.minusDays(29)).statusCode(200).extract().jsonPath(), groupBy + " of one day");
        }
    }

    /** The contract's sort columns (tariff.yaml, ReconciliationSort) as SQL over {@link #ledger}'s g and r. */
    private static final Map<String, String> SORTS = sorts();

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new java.util.LinkedHashMap<>();
        for (String column : List.of("group_key", "program", "heading", "first_date", "last_date", "estimated", "declared", "paid",
                "billed", "refunded", "variance")) {
            String name = switch (column) {
                case "group_key" -> "group";
                case "first_date" -> "firstEntryDate";
                case "last_date" -> "lastEntryDate";
                default -> column;
            };
            sorts.put(name, "g." + column);
        }
        sorts.put("reason", "coalesce(r.reason, '')");
        return sorts;
    }

    /** {@code sort}'s column in SQL, then group, program and heading ascending (ReconciliationSort's total order). */
    static String order(String sort, boolean descending) {
        return SORTS.get(sort) + (descending ? " desc" : "") + ", g.group_key, g.program, g.heading";
    }

    /** The rows of GET /api/reconciliation?{@code query} (one page of up to 1000) as {@link #ledger} writes them. */
    static List<String> rows(String org, String query) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : get(org, "/api/reconciliation?limit=1000&" + query).statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("rows")) {
            rows.add(String.join("|", (String) r.get("group"), (String) r.get("program"), (String) r.get("heading"),
                    (String) r.get("firstEntryDate"), (String) r.get("lastEntryDate"), cents(r.get("estimated")),
                    cents(r.get("declared")), cents(r.get("paid")), cents(r.get("billed")), cents(r.get("refunded")),
                    cents(r.get("variance")), String.valueOf(r.get("reason"))));
        }
        return rows;
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

    /**
     * The SQL expression of a ledger row's group key under {@code groupBy} (order, shipment, entry, origin, program,
     * manufacturer), as text, over {@code entry_amount a} joined to {@code customs_entry e}: the key V7's trigger stores
     * in reconciliation_group (an entry as 3-7-1 digits with dashes; no shipment as ''). The one spelling this test's
     * {@link #ledger} and ReconciliationGroupConcurrencyTest's recomputation share, so they cannot drift apart.
     *
     * @throws IllegalArgumentException for any other grouping
     */
    static String groupKey(String groupBy) {
        return switch (groupBy) {
            case "order" -> "a.order_id::text";
            case "shipment" -> "coalesce(a.shipment_id::text, '')";
            case "entry" -> "substr(e.entry_number, 1, 3) || '-' || substr(e.entry_number, 4, 7) || '-' || substr(e.entry_number, 11, 1)";
            case "origin" -> "a.origin::text";
            case "program" -> "a.program::text";
            case "manufacturer" -> "a.manufacturer::text";
            default -> throw new IllegalArgumentException("no grouping " + groupBy);
        };
    }

    /**
     * The ledger grouped on demand (what V6's reconciliation did) over entry dates {@code from} to {@code to}, with
     * the reasons, in {@code orderBy}'s order (SQL over g and r): group|program|heading|first|last|estimated|declared|
     * paid|billed|refunded|variance|reason, read through {@code dataSource}.
     */
    static List<String> ledger(DataSource dataSource, String org, String groupBy, LocalDate from, LocalDate to, String orderBy) throws SQLException {
        String key = groupKey(groupBy);
        String sql = """
                select g.*, r.reason
                from (select x.*, x.declared + x.billed - x.refunded - x.estimated as variance
                      from (select %s as group_key, a.program, a.heading, min(a.entry_date) as first_date, max(a.entry_date) as last_date,
                             coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0) as estimated,
                             coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0) as declared,
                             coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0) as paid,
                             coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0) as billed,
                             coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0) as refunded
                      from entry_amount a join customs_entry e on e.id = a.entry_id
                      where a.org = ? and a.kind <> 'ENGINE' and a.entry_date between ? and ?
                      group by 1, 2, 3) x) g
                left join reconciliation_reason r on r.org = ? and r.group_by = ? and r.group_key = g.group_key
                     and r.program = g.program and r.heading = g.heading
                order by %s""".formatted(key, orderBy);
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, org);
            s.setObject(2, from);
            s.setObject(3, to);
            s.setString(4, org);
            s.setString(5, groupBy);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        cells.add(rs.getString(i));
                    }
                    for (int i = 6; i <= 11; i++) {
                        cells.add(rs.getBigDecimal(i).setScale(2).toPlainString());
                    }
                    cells.add(String.valueOf(rs.getString(12)));
                    rows.add(String.join("|", cells));
                }
            }
        }
        return rows;
    }
}
