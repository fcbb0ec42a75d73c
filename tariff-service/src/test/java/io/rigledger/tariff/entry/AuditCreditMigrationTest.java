package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static io.rigledger.tariff.entry.MigrationDatabases.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * V12 brings forward an entry whose origin audit lowered the duty in all before V10 (issue 9 review: such entries kept
 * negative BILLED rows). The story is run through the API (a Chinese entry, paid, audited to Malaysia: a credit of
 * 36,000.00); a database of its own, migrated to V11, is seeded through SQL with the same entry and the rows as the
 * service wrote them before V10 (the audit's rows BILLED); after the migration its ledger is what the API wrote, row for
 * row, and the rollup's billed column no longer counts the credit. An entry whose audit raised the duty keeps its BILLED
 * rows.
 */
@QuarkusTest
class AuditCreditMigrationTest extends PinnedTodayTest {

    private static final String ROWS = "select kind || ' ' || program || ' ' || heading || ' ' || order_line || ' ' || amount"
            + " from entry_amount where entry_id = '%s' and kind not in ('ENGINE') order by 1";

    @Inject
    DataSource dataSource;

    @Test
    void anAuditCreditWrittenAsBilledRowsBeforeV10BecomesTheCreditedRowsTheServiceWritesToday() throws SQLException {
        String org = org();
        String id = filed(org, AuditCreditRefundTest.chinese(number()));
        move(org, id, "payments", "{\"amount\":58071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, id, "origin-audits", audit("MY", "2026-01-10")).statusCode(200);
        List<String> written;
        String entry;
        List<String> ledger = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            written = rows(s, ROWS.formatted(id));
            entry = rows(s, "select format('insert into customs_entry (id, org, entry_number, entry_type, entry_date, port_code,"
                    + " transport_mode, importer, status, summary_version, version, created_by, created_at, reconciliation_flag,"
                    + " drawback_claim, has_ieepa, payments, origin_audits) values (%L, %L, %L, %L, %L, %L, %L, %L, %L, %s, %s, %L, %L,"
                    + " %L, %L, %L, %L, %L)', id, org, entry_number, entry_type, entry_date, port_code, transport_mode, importer, status,"
                    + " summary_version, version, created_by, created_at, reconciliation_flag, drawback_claim, has_ieepa, payments,"
                    + " origin_audits) from customs_entry where id = '" + id + "'").get(0);
            // the rows as the service wrote them before V10: the audit's differences BILLED
            ledger.addAll(rows(s, "select format('insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id,"
                    + " order_line, shipment_id, origin, manufacturer, amount) values (%L, %L, %L, %L, %L, %L, %L, %s, %L, %L, %L, %s)',"
                    + " org, entry_id, entry_date, case when kind = 'CREDITED' then 'BILLED' else kind end, program, heading, order_id,"
                    + " order_line, shipment_id, origin, manufacturer, amount) from entry_amount where entry_id = '" + id + "'"
                    + " and kind <> 'ENGINE'"));
        }
        assertFalse(written.stream().noneMatch(r -> r.startsWith("CREDITED ")), "the API wrote no CREDITED row: " + written);

        String url = MigrationDatabases.fresh("tariff_audit_credits");
        MigrationDatabases.migrate(url, "11");
        String raised = "00000000-0000-0000-0000-0000000000b1";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(entry);
            for (String insert : ledger) {
                s.execute(insert);
            }
            // an entry whose audit raised the duty: its BILLED rows (one negative, netted) stay BILLED
            s.execute(entry.replace(id, raised).replace("'" + org + "'", "'o-raised'"));
            s.execute("update customs_entry set origin_audits = '[{\"dutyDifference\":36000.00}]' where id = '" + raised + "'");
            s.execute("insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id, order_line, origin, manufacturer,"
                    + " amount) values ('o-raised', '" + raised + "', '2025-09-15', 'BILLED', 'IEEPA_RECIPROCAL', '9903.02.39',"
                    + " '3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40', 1, 'MY', 'Bitmain', -19000.00)");
            assertFalse(rows(s, ROWS.formatted(id)).equals(written), "the seeded rows already look like today's");
        }
        MigrationDatabases.migrate(url, null);

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            assertEquals(written, rows(s, ROWS.formatted(id)));
            assertEquals(List.of("0.00"), rows(s, "select sum(billed)::text from reconciliation_rollup where org = '" + org + "' and group_by = 'entry'"
                    + " and group_key = (select substr(entry_number, 1, 3) || '-' || substr(entry_number, 4, 7) || '-'"
                    + " || substr(entry_number, 11, 1) from customs_entry where id = '" + id + "')"));
            assertEquals(List.of("BILLED IEEPA_RECIPROCAL 9903.02.39 1 -19000.00"), rows(s, ROWS.formatted(raised)));
        }
    }
}
