package io.rigledger.tariff.reconciliation;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * For bench/reconciliation.sh (a benchmark, not a test): fills the ledger of organisation "bench"
 * with {@code entries} x 5 order lines (entry lines) x 4 layers x 3 kinds straight in SQL (V7's
 * triggers fill the rollup as they would for the service), analyzes the tables it filled, then times,
 * through a cursor of the same fetch size and without HTTP: the raw GROUP BY of the ledger with the same rows and order
 * (the machine's own limit for aggregating it on demand), and the service's
 * {@link ReconciliationQuery} over the rollup. Prints one line of key=value.
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
            // statistics as the product's autovacuum would gather them, so the plans measured are the product's plans
            // (without them the rollup is estimated at a row and the reasons are joined row by row)
            s.execute("analyze customs_entry");
            s.execute("analyze entry_amount");
            s.execute("analyze reconciliation_rollup");
            s.execute("analyze reconciliation_group");
            s.execute("analyze reconciliation_reason");
        }
        long seeded = System.nanoTime();
        long[] raw = rawGroupBy(ds);
        ReconciliationQuery query = new ReconciliationQuery();
        query.dataSource = ds;
        long[] first = {-1};
        long[] rows = {0};
        long start = System.nanoTime();
        query.stream("bench", Grouping.ORDER, LocalDate.of(2019, 1, 1), LocalDate.of(2199, 12, 31), ReconciliationSort.DEFAULT, row -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime();
            }
            rows[0]++;
        });
        long end = System.nanoTime();
        System.out.printf("entry_lines=%d ledger_rows=%d seed_s=%.1f raw_group_by_first_row_ms=%.0f raw_group_by_last_row_ms=%.0f"
                        + " raw_rows=%d rollup_first_row_ms=%.0f rollup_last_row_ms=%.0f rollup_rows=%d%n",
                entries * 5L, entries * 60L, (seeded - seedStart) / 1e9, raw[0] / 1e6, raw[1] / 1e6, raw[2],
                (first[0] - start) / 1e6, (end - start) / 1e6, rows[0]);
    }

    /** The ledger aggregated on demand, by order: nanoseconds to the first and the last row, and the rows. */
    private static long[] rawGroupBy(PGSimpleDataSource ds) throws SQLException {
        String sql = """
                select g.grp, g.program, g.heading, g.first_date, g.last_date, g.estimated, g.declared, g.paid, g.billed,
                       g.refunded, r.reason
                from (select a.order_id::text as grp, a.program, a.heading, min(a.entry_date) as first_date,
                             max(a.entry_date) as last_date,
                             coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0) as estimated,
                             coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0) as declared,
                             coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0) as paid,
                             coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0) as billed,
                             coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0) as refunded
                      from entry_amount a
                      where a.org = 'bench' and a.kind <> 'ENGINE'
                      group by 1, 2, 3) g
                left join reconciliation_reason r on r.org = 'bench' and r.group_by = 'order' and r.group_key = g.grp
                     and r.program = g.program and r.heading = g.heading
                order by g.grp, g.program, g.heading""";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(ReconciliationQuery.FETCH_SIZE);
                long start = System.nanoTime();
                long first = -1;
                long rows = 0;
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        if (first < 0) {
                            first = System.nanoTime() - start;
                        }
                        rs.getBigDecimal(6);
                        rows++;
                    }
                }
                return new long[] {first, System.nanoTime() - start, rows};
            } finally {
                c.rollback();
            }
        }
    }
}
