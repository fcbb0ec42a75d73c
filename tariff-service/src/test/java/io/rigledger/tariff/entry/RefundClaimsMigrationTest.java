package io.rigledger.tariff.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.rigledger.tariff.entry.MigrationDatabases.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * V10 brings a database of one refund per entry forward (a database of its own, migrated to V9, seeded the old way,
 * then migrated): the refund becomes claim 1 of the entry's refund claims, and a CAPE refund received, whose principal
 * was taken off what is owed through its REFUNDED rows, gets those rows negated as REMOVED rows (interest apart); a
 * liquidation refund gets none.
 */
class RefundClaimsMigrationTest {

    private static final String CAPE = "{\"kind\":\"CAPE\",\"requestedOn\":\"2026-04-21\",\"reason\":\"IEEPA\","
            + "\"claimed\":[{\"heading\":\"9903.02.39\",\"amount\":19000.00}],\"claimedTotal\":19000.00,\"receivedOn\":\"2026-06-30\","
            + "\"principal\":18900.00,\"interest\":412.77,\"reference\":\"CBP-1\",\"shortfall\":100.00}";
    private static final String LIQUIDATION = "{\"kind\":\"LIQUIDATION\",\"requestedOn\":\"2026-07-30\",\"reason\":\"MPF\","
            + "\"claimed\":[{\"heading\":\"MPF\",\"amount\":46.40}],\"claimedTotal\":46.40}";

    @Test
    void theOneRefundBecomesClaimOneAndACapeRefundsPrincipalItsRemovedRows() throws SQLException, IOException {
        String url = MigrationDatabases.fresh("tariff_refund_claims");
        MigrationDatabases.migrate(url, "9");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            entry(s, "00000000-0000-0000-0000-00000000000a", "T010000001", CAPE);
            entry(s, "00000000-0000-0000-0000-00000000000b", "T010000002", LIQUIDATION);
            entry(s, "00000000-0000-0000-0000-00000000000c", "T010000003", null);
            for (String e : List.of("a", "b")) {
                s.execute("""
                        insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id, order_line, origin,
                                                  manufacturer, amount)
                        values ('o', '00000000-0000-0000-0000-00000000000%1$s', '2025-09-15', 'REFUNDED', 'IEEPA_RECIPROCAL', '9903.02.39',
                                '3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40', 1, 'MY', 'Bitmain', 10800.00),
                               ('o', '00000000-0000-0000-0000-00000000000%1$s', '2025-09-15', 'REFUNDED', 'IEEPA_RECIPROCAL', '9903.02.39',
                                '3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40', 2, 'MY', 'Bitmain', 8100.00),
                               ('o', '00000000-0000-0000-0000-00000000000%1$s', '2025-09-15', 'REFUNDED', 'INTEREST', '',
                                '3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40', 1, 'MY', 'Bitmain', 412.77)""".formatted(e));
            }
        }
        MigrationDatabases.migrate(url, null);

        ObjectMapper json = new ObjectMapper();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            JsonNode cape = json.readTree(one(s, "select refunds from customs_entry where entry_number = 'T010000001'"));
            assertEquals(1, cape.size());
            assertEquals(1, cape.get(0).get("claim").asInt());
            assertEquals("CAPE", cape.get(0).get("kind").asText());
            assertEquals("18900.00", cape.get(0).get("principal").decimalValue().setScale(2).toPlainString());
            JsonNode liquidation = json.readTree(one(s, "select refunds from customs_entry where entry_number = 'T010000002'"));
            assertEquals("LIQUIDATION", liquidation.get(0).get("kind").asText());
            assertEquals(1, liquidation.get(0).get("claim").asInt());
            assertEquals("[]", one(s, "select refunds from customs_entry where entry_number = 'T010000003'"));
            assertEquals(List.of("1 IEEPA_RECIPROCAL 9903.02.39 -10800.00", "2 IEEPA_RECIPROCAL 9903.02.39 -8100.00"),
                    rows(s, "select order_line || ' ' || program || ' ' || heading || ' ' || amount from entry_amount"
                            + " where kind = 'REMOVED' and entry_id = '00000000-0000-0000-0000-00000000000a' order by order_line"));
            assertEquals(List.of(), rows(s, "select amount::text from entry_amount where kind = 'REMOVED'"
                    + " and entry_id = '00000000-0000-0000-0000-00000000000b'"));
            assertFalse(rows(s, "select column_name::text from information_schema.columns where table_name = 'customs_entry'")
                    .contains("refund"));
        }
    }

    private static void entry(Statement s, String id, String number, String refund) throws SQLException {
        s.execute("""
                insert into customs_entry (id, org, entry_number, entry_type, entry_date, port_code, transport_mode, importer, status,
                                           summary_version, version, created_by, created_at, reconciliation_flag, drawback_claim,
                                           has_ieepa, payments, refund, origin_audits)
                values ('%s', 'o', '%s', '01', '2025-09-15', '2704', 'OCEAN', 'Northwind', 'REFUNDED', 1, 0, 'finance', now(),
                        false, false, true, '[]', %s, '[]')""".formatted(id, number, refund == null ? "null" : "'" + refund + "'"));
    }

    private static String one(Statement s, String sql) throws SQLException {
        List<String> out = rows(s, sql);
        assertEquals(1, out.size());
        return out.get(0);
    }
}
