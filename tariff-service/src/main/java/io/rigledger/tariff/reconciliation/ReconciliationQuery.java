package io.rigledger.tariff.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Reads the reconciliation rows from the rollup of the duty ledger (reconciliation_rollup, V7: sums
 * per organisation, grouping, group key, layer and entry date, kept by triggers in the same
 * transaction as every ledger write). The rollup is scanned in primary-key order, which is the
 * order of the rows, so each group is complete, aggregated and handed on as soon as the scan passes
 * it (a GroupAggregate over the index, merge-joined with the reasons; no sort of the whole ledger):
 * the first row leaves at once. Read through a server-side cursor (fetch size {@value #FETCH_SIZE}),
 * so 100,000 rows never sit in memory together. Read-only, in a transaction of its own that ends
 * with the stream.
 */
@ApplicationScoped
public class ReconciliationQuery {

    static final int FETCH_SIZE = 2000;

    static final String SQL = """
            select g.group_key, g.program, g.heading, g.first_date, g.last_date, g.estimated, g.declared, g.paid, g.billed,
                   g.refunded, r.reason
            from (select k.group_key, k.program, k.heading, min(k.entry_date) as first_date, max(k.entry_date) as last_date,
                         sum(k.estimated) as estimated, sum(k.declared) as declared, sum(k.paid) as paid,
                         sum(k.billed) as billed, sum(k.refunded) as refunded
                  from reconciliation_rollup k
                  where k.org = ? and k.group_by = ? and k.entry_date >= ? and k.entry_date <= ? and k.ledger_rows <> 0
                  group by k.group_key, k.program, k.heading) g
            left join reconciliation_reason r on r.org = ? and r.group_by = ? and r.group_key = g.group_key
                 and r.program = g.program and r.heading = g.heading
            order by g.group_key, g.program, g.heading
            """;

    @Inject
    DataSource dataSource;

    /** Receives each row; may throw IOException (the client went away). */
    public interface Sink {
        void accept(ReconciliationRow row) throws IOException;
    }

    /** Streams the rows of {@code org} for entry dates from {@code from} to {@code to} (inclusive). */
    public void stream(String org, Grouping grouping, LocalDate from, LocalDate to, Sink sink) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement plan = c.createStatement()) {
                // one organisation and grouping has 4 rows, another 400,000: a generic plan costed for
                // neither would join the reasons row by row; planned for the actual values, it merges
                plan.execute("set local plan_cache_mode = force_custom_plan");
            }
            try (PreparedStatement s = c.prepareStatement(SQL)) {
                s.setFetchSize(FETCH_SIZE);
                s.setString(1, org);
                s.setString(2, grouping.label());
                s.setDate(3, Date.valueOf(from));
                s.setDate(4, Date.valueOf(to));
                s.setString(5, org);
                s.setString(6, grouping.label());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        var estimated = rs.getBigDecimal(6);
                        var declared = rs.getBigDecimal(7);
                        var billed = rs.getBigDecimal(9);
                        var refunded = rs.getBigDecimal(10);
                        sink.accept(new ReconciliationRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), estimated.setScale(2),
                                declared.setScale(2), rs.getBigDecimal(8).setScale(2), billed.setScale(2), refunded.setScale(2),
                                declared.add(billed).subtract(refunded).subtract(estimated).setScale(2), rs.getString(11)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("reconciliation query failed", e));
        }
    }
}
