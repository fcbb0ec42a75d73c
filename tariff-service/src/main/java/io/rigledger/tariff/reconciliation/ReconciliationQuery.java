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
import java.time.LocalDate;

/**
 * Reads the reconciliation rows straight from the duty ledger (entry_amount) with one GROUP BY, in
 * order of group, program and heading, through a server-side cursor (fetch size
 * {@value #FETCH_SIZE}), handing each row on as it arrives: 100,000 rows never sit in memory
 * together. Read-only, in a transaction of its own that ends with the stream.
 */
@ApplicationScoped
public class ReconciliationQuery {

    static final int FETCH_SIZE = 2000;

    @Inject
    DataSource dataSource;

    /** Receives each row; may throw IOException (the client went away). */
    public interface Sink {
        void accept(ReconciliationRow row) throws IOException;
    }

    /** Streams the rows of {@code org} for entry dates from {@code from} to {@code to} (inclusive). */
    public void stream(String org, Grouping grouping, LocalDate from, LocalDate to, Sink sink) throws IOException {
        String sql = """
                select g.grp, g.program, g.heading, g.first_date, g.last_date, g.estimated, g.declared, g.paid, g.billed,
                       g.refunded, r.reason
                from (select %s as grp, a.program, a.heading, min(a.entry_date) as first_date, max(a.entry_date) as last_date,
                             coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0) as estimated,
                             coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0) as declared,
                             coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0) as paid,
                             coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0) as billed,
                             coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0) as refunded
                      from entry_amount a %s
                      where a.org = ? and a.entry_date >= ? and a.entry_date <= ? and a.kind <> 'ENGINE'
                      group by 1, 2, 3) g
                left join reconciliation_reason r on r.org = ? and r.group_by = ? and r.group_key = g.grp
                     and r.program = g.program and r.heading = g.heading
                order by g.grp, g.program, g.heading
                """.formatted(grouping.key, grouping == Grouping.ENTRY ? "join customs_entry e on e.id = a.entry_id" : "");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH_SIZE);
                s.setString(1, org);
                s.setDate(2, Date.valueOf(from));
                s.setDate(3, Date.valueOf(to));
                s.setString(4, org);
                s.setString(5, grouping.label());
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
