package io.rigledger.tariff.reconciliation;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * For bench/reconciliation.sh (a benchmark, not a test): fills the ledger of organisation "bench"
 * with {@code entries} x 5 order lines (entry lines) x 4 layers x 3 kinds straight in SQL, then
 * times the reconciliation's own GROUP BY (grouped by order) through the same cursor the service
 * uses, without HTTP: the floor the HTTP numbers compare with. Prints one line of key=value.
 *
 * <p>Arguments: JDBC URL, number of entries (20,000 makes 100,000 entry lines).
 */
public final class ReconciliationBenchSeed {

    private ReconciliationBenchSeed() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser("postgres");
        ds.setPassword("postgres");
        int entries = Integer.parseInt(args[1]);
        long seedStart = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from entry_amount where org = 'bench'");
            s.execute("delete from customs_entry where org = 'bench'");
            s.execute("""
                    insert into customs_entry (id, org, entry_number, entry_type, entry_date, port_code, transport_mode, importer,
                        status, summary_version, version, created_by, created_at, reconciliation_flag, drawback_claim, has_ieepa,
                        payments, origin_audits)
                    select md5('e' || g)::uuid, 'bench', 'B' || lpad(g::text, 10, '0'), '01', date '2025-01-01' + (g %% 300), '2704',
                        'OCEAN', 'Bench Mining', 'PAID', 1, 0, 'bench', now(), false, false, true, '[]', '[]'
                    from generate_series(1, %d) g""".formatted(entries));
            s.execute("""
                    insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id, order_line, shipment_id,
                        origin, manufacturer, amount)
                    select 'bench', md5('e' || e)::uuid, date '2025-01-01' + (e %% 300), k.kind, l.program, l.heading,
                        md5('o' || (e * 5 + n))::uuid, n + 1, md5('s' || e)::uuid, 'MY', 'Bitmain', round((random() * 1000)::numeric, 2)
                    from generate_series(1, %d) e, generate_series(0, 4) n,
                        (values ('ESTIMATED'), ('DECLARED'), ('PAID')) k(kind),
                        (values ('MFN', '8543.70.98'), ('IEEPA_RECIPROCAL', '9903.02.39'), ('MPF', ''), ('HMF', '')) l(program, heading)"""
                    .formatted(entries));
            s.execute("analyze customs_entry");
            s.execute("analyze entry_amount");
        }
        long seeded = System.nanoTime();
        ReconciliationQuery query = new ReconciliationQuery();
        query.dataSource = ds;
        long[] first = {-1};
        long[] rows = {0};
        long start = System.nanoTime();
        query.stream("bench", Grouping.ORDER, LocalDate.of(2019, 1, 1), LocalDate.of(2199, 12, 31), row -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime();
            }
            rows[0]++;
        });
        long end = System.nanoTime();
        System.out.printf("entry_lines=%d ledger_rows=%d seed_s=%.1f sql_first_row_ms=%.0f sql_last_row_ms=%.0f sql_rows=%d%n",
                entries * 5L, entries * 60L, (seeded - seedStart) / 1e9, (first[0] - start) / 1e6, (end - start) / 1e6, rows[0]);
    }
}
