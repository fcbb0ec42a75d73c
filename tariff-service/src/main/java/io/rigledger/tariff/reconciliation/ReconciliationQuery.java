package io.rigledger.tariff.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reconciliation rows from the rollup of the duty ledger (reconciliation_rollup, V7: sums
 * per organisation, grouping, group key, layer and entry date, kept by triggers in the same
 * transaction as every ledger write). In the default order (by group) the rollup is scanned in
 * primary-key order, which is the order of the rows, so each group is complete, aggregated and handed
 * on as soon as the scan passes it (a GroupAggregate over the index, merge-joined with the reasons; no
 * sort of the whole ledger); another order reads the groups' stored sums (reconciliation_group, V14, same
 * triggers) in that order ({@link #SORTED}) and groups only the few groups that straddle the range's ends. {@link #stream} reads every row
 * through a server-side cursor (fetch size {@value #FETCH_SIZE}), so 100,000 rows never sit in memory
 * together; {@link #page} reads one page in that order (offset and limit: in the default order the
 * scan stops after the page) and then the count and totals of all the range's rows ({@link #TOTALS}: the
 * groups counted in key order, the sums read from the program grouping's few rows per day), both in one
 * snapshot. Read-only, in a repeatable-read transaction of its own.
 */
@ApplicationScoped
public class ReconciliationQuery {

    static final int FETCH_SIZE = 2000;

    /** The grouped rows of (org, group_by, from, to), then the reasons of (org, group_by). */
    private static final String GROUPED = """
            from (select k.group_key, k.program, k.heading, min(k.entry_date) as first_date, max(k.entry_date) as last_date,
                         sum(k.estimated) as estimated, sum(k.declared) as declared, sum(k.paid) as paid,
                         sum(k.billed) as billed, sum(k.refunded) as refunded
                  from reconciliation_rollup k
                  where k.org = ? and k.group_by = ? and k.entry_date >= ? and k.entry_date <= ? and k.ledger_rows <> 0
                  group by k.group_key, k.program, k.heading) g
            left join reconciliation_reason r on r.org = ? and r.group_by = ? and r.group_key = g.group_key
                 and r.program = g.program and r.heading = g.heading
            """;

    /**
     * The grouped rows of (org, group_by, from, to) for a page in any order but the default: each group whose
     * dated ledger rows all lie in the range is its reconciliation_group row (V14: the group's sums over all its
     * dates, kept by the rollup's triggers), read in the sort's order (sort=-variance: the first rows of
     * reconciliation_group_by_variance that lie in the range) instead of grouping the range on every request;
     * only the groups that straddle an end of the range (first date before it and last in or after it, or last
     * date after it) are grouped from their rollup rows in the range. Same rows and values as {@link #GROUPED}:
     * a rollup row without ledger rows sums to 0 and is not a date of its group. Then the reasons. Parameters:
     * org, grouping, from, to; from, to, org, grouping, to, from, from, to; org, grouping ({@link #bind}). Its %s is
     * the first branch's own top-N for a page ({@link #rows}): the page's rows are among the first skip + limit + 1 of
     * the stored groups in the sort's order and the straddling groups, so the stored groups are read in the sort's
     * order up to there (sort=-variance: an index scan that stops) instead of all being read and sorted.
     */
    private static final String SORTED = """
            from ((select t.group_key, t.program, t.heading, t.first_date, t.last_date, t.estimated, t.declared, t.paid,
                         t.billed, t.refunded, t.variance
                  from reconciliation_group t
                  where t.org = ? and t.group_by = ? and t.first_date >= ? and t.last_date <= ?
                  %s)
                  union all
                  (select k.group_key, k.program, k.heading, min(k.entry_date), max(k.entry_date), sum(k.estimated),
                         sum(k.declared), sum(k.paid), sum(k.billed), sum(k.refunded),
                         sum(k.declared) + sum(k.billed) - sum(k.refunded) - sum(k.estimated)
                  from reconciliation_group t
                  join reconciliation_rollup k on k.org = t.org and k.group_by = t.group_by and k.group_key = t.group_key
                       and k.program = t.program and k.heading = t.heading
                       and k.entry_date >= ? and k.entry_date <= ? and k.ledger_rows <> 0
                  where t.org = ? and t.group_by = ? and t.first_date <= ? and t.last_date >= ?
                        and (t.first_date < ? or t.last_date > ?)
                  group by k.group_key, k.program, k.heading)) g
            left join reconciliation_reason r on r.org = ? and r.group_by = ? and r.group_key = g.group_key
                 and r.program = g.program and r.heading = g.heading
            """;

    private static final String COLUMNS = """
            select g.group_key, g.program, g.heading, g.first_date, g.last_date, g.estimated, g.declared, g.paid, g.billed,
                   g.refunded, r.reason
            """;

    /**
     * The count and sums of the range's rows, in one statement of two parts. The count: the range's groups as
     * {@link #GROUPED} groups them (a group counts when any of its dates in the range has ledger rows), read in the
     * rollup's key order so each group is counted as the scan passes it (no hash table of every group, no sums).
     * The sums: every grouping splits the same ledger rows of the range, so the sums of all of a grouping's rows
     * are the sums of the ledger rows dated in the range, whichever grouping; they are read from the program
     * grouping's rollup rows (one per program, heading and entry date: a few per day, where the entry or order
     * grouping has one per group and date). A rollup row whose ledger rows were all replaced (ledger_rows 0)
     * sums to 0 in every column, so leaving it in adds nothing. Parameters: org, grouping, from, to, org,
     * {@link Grouping#PROGRAM}, from, to.
     */
    private static final String TOTALS = """
            select (select count(*)
                    from (select k.group_key
                          from reconciliation_rollup k
                          where k.org = ? and k.group_by = ? and k.entry_date >= ? and k.entry_date <= ? and k.ledger_rows <> 0
                          group by k.group_key, k.program, k.heading
                          order by k.group_key, k.program, k.heading) g),
                   coalesce(sum(p.estimated), 0), coalesce(sum(p.declared), 0), coalesce(sum(p.paid), 0),
                   coalesce(sum(p.billed), 0), coalesce(sum(p.refunded), 0)
            from reconciliation_rollup p
            where p.org = ? and p.group_by = ? and p.entry_date >= ? and p.entry_date <= ?
            """;

    @Inject
    DataSource dataSource;

    /** Receives each row; may throw IOException (the client went away). */
    public interface Sink {
        void accept(ReconciliationRow row) throws IOException;
    }

    /**
     * One page of rows and what the whole range adds up to.
     *
     * @param rows     at most the limit asked for, in the sort's order
     * @param more     whether rows follow this page
     * @param rowCount rows of the whole range (all pages)
     * @param totals   sums of the whole range's rows, USD, in the order estimated, declared, paid, billed, refunded, variance
     */
    public record Page(List<ReconciliationRow> rows, boolean more, long rowCount, BigDecimal[] totals) {
    }

    /** Streams every row of {@code org} for entry dates from {@code from} to {@code to} (inclusive), in {@code sort}'s order. */
    public void stream(String org, Grouping grouping, LocalDate from, LocalDate to, ReconciliationSort sort, Sink sink)
            throws IOException {
        try (Connection c = dataSource.getConnection()) {
            readOnly(c);
            try (PreparedStatement s = c.prepareStatement(COLUMNS + rows(sort, -1) + "order by " + sort.orderBy())) {
                s.setFetchSize(FETCH_SIZE);
                bind(s, org, grouping, from, to, sort);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("reconciliation query failed", e));
        }
    }

    /**
     * The {@code limit} rows after the first {@code skip} in {@code sort}'s order, with the count and totals of
     * every row of the range (also when the page is empty: a cursor past the end after rows went away).
     */
    public Page page(String org, Grouping grouping, LocalDate from, LocalDate to, ReconciliationSort sort, long skip, int limit) {
        try (Connection c = dataSource.getConnection()) {
            readOnly(c);
            try {
                // the page's rows: in the default order the scan of the rollup's key stops after skip + limit + 1
                // groups; another order groups and sorts the range (top-N), with no window sums over every grouped row
                List<ReconciliationRow> rows = new ArrayList<>(limit + 1);
                try (PreparedStatement s = c.prepareStatement(COLUMNS + rows(sort, skip + limit + 1) + "order by " + sort.orderBy() + " offset ? limit ?")) {
                    int next = bind(s, org, grouping, from, to, sort);
                    s.setLong(next, skip);
                    s.setInt(next + 1, limit + 1);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                }
                // then the range's count and sums (TOTALS), in the same snapshot (repeatable read)
                long count;
                BigDecimal[] sums;
                try (PreparedStatement s = c.prepareStatement(TOTALS)) {
                    s.setString(1, org);
                    s.setString(2, grouping.label());
                    s.setDate(3, Date.valueOf(from));
                    s.setDate(4, Date.valueOf(to));
                    s.setString(5, org);
                    s.setString(6, Grouping.PROGRAM.label());
                    s.setDate(7, Date.valueOf(from));
                    s.setDate(8, Date.valueOf(to));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        count = rs.getLong(1);
                        sums = sums(rs, 2);
                    }
                }
                boolean more = rows.size() > limit;
                return new Page(more ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows), more, count, sums);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reconciliation query failed", e);
        }
    }

    private static void readOnly(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        // a page's rows and its totals are two statements: one snapshot for both
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement plan = c.createStatement()) {
            // one organisation and grouping has 4 rows, another 400,000: a generic plan costed for
            // neither would join the reasons row by row; planned for the actual values, it merges
            plan.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * The default order scans the rollup in its key's order ({@link #GROUPED}); any other reads {@link #SORTED}, its
     * stored groups cut to their first {@code topN} in the sort's order (not for a negative topN, nor for the order by
     * reason, which the stored groups do not carry).
     */
    private static String rows(ReconciliationSort sort, long topN) {
        if (sort.equals(ReconciliationSort.DEFAULT)) {
            return GROUPED;
        }
        boolean cut = topN >= 0 && sort.column() != ReconciliationSort.Column.REASON;
        return SORTED.formatted(cut ? "order by " + sort.orderBy().replace("g.", "t.") + " limit " + topN : "");
    }

    /** Binds {@link #rows}' parameters; answers the index of the next parameter. */
    private static int bind(PreparedStatement s, String org, Grouping grouping, LocalDate from, LocalDate to,
                            ReconciliationSort sort) throws SQLException {
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        List<Object> values = sort.equals(ReconciliationSort.DEFAULT)
                ? List.of(org, grouping.label(), first, last, org, grouping.label())
                : List.of(org, grouping.label(), first, last, first, last, org, grouping.label(), last, first, first, last,
                        org, grouping.label());
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
        return values.size() + 1;
    }

    private static ReconciliationRow row(ResultSet rs) throws SQLException {
        var estimated = rs.getBigDecimal(6);
        var declared = rs.getBigDecimal(7);
        var billed = rs.getBigDecimal(9);
        var refunded = rs.getBigDecimal(10);
        return new ReconciliationRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), estimated.setScale(2),
                declared.setScale(2), rs.getBigDecimal(8).setScale(2), billed.setScale(2), refunded.setScale(2),
                declared.add(billed).subtract(refunded).subtract(estimated).setScale(2), rs.getString(11));
    }

    /** estimated, declared, paid, billed, refunded from column {@code first} on, and the variance they give. */
    private static BigDecimal[] sums(ResultSet rs, int first) throws SQLException {
        BigDecimal[] t = new BigDecimal[6];
        for (int i = 0; i < 5; i++) {
            t[i] = rs.getBigDecimal(first + i).setScale(2);
        }
        t[5] = t[1].add(t[3]).subtract(t[4]).subtract(t[0]).setScale(2);
        return t;
    }
}
