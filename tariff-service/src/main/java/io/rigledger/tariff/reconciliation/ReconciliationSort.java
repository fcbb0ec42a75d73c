package io.rigledger.tariff.reconciliation;

import io.rigledger.platform.problem.Problems;

import java.util.Arrays;

/**
 * The order of the reconciliation's rows ({@code sort}): a column name, ascending, or the name after a
 * minus sign, descending; default {@code group}. Ties are broken by group, program and heading, so the
 * order is total and a page never repeats or skips a row. Each column maps to its SQL expression over
 * the grouped rows {@code g} and the reasons {@code r} of {@link ReconciliationQuery}'s SORTED (where g.variance
 * is declared + billed - refunded - estimated, stored for the groups within the range).
 *
 * @param column     the row's property as the contract names it (group, variance ...)
 * @param descending whether the largest value comes first
 */
public record ReconciliationSort(Column column, boolean descending) {

    /** The sortable columns of ReconciliationRow and their SQL. */
    public enum Column {
        GROUP("group", "g.group_key"),
        PROGRAM("program", "g.program"),
        HEADING("heading", "g.heading"),
        FIRST_ENTRY_DATE("firstEntryDate", "g.first_date"),
        LAST_ENTRY_DATE("lastEntryDate", "g.last_date"),
        ESTIMATED("estimated", "g.estimated"),
        DECLARED("declared", "g.declared"),
        PAID("paid", "g.paid"),
        BILLED("billed", "g.billed"),
        REFUNDED("refunded", "g.refunded"),
        VARIANCE("variance", "g.variance"),
        REASON("reason", "coalesce(r.reason, '')");

        final String name;
        final String sql;

        Column(String name, String sql) {
            this.name = name;
            this.sql = sql;
        }
    }

    /** By group, ascending: the order of the rollup's key. */
    public static final ReconciliationSort DEFAULT = new ReconciliationSort(Column.GROUP, false);

    /**
     * The sort a {@code sort} query parameter names; absent or empty: {@link #DEFAULT}.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming sort for anything but a column name, optionally after '-'
     */
    public static ReconciliationSort of(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        return Arrays.stream(Column.values()).filter(c -> c.name.equals(name)).findFirst()
                .map(c -> new ReconciliationSort(c, descending))
                .orElseThrow(() -> Problems.badRequest("sort", "must be one of group, program, heading, firstEntryDate, "
                        + "lastEntryDate, estimated, declared, paid, billed, refunded, variance, reason, optionally after '-' (descending)"));
    }

    /** The SQL order by list: this column, then group, program and heading (ascending), so the order is total. */
    String orderBy() {
        String direction = descending ? " desc" : "";
        return column.sql + direction + ", g.group_key, g.program, g.heading";
    }

    /** As the parameter is written, e.g. -variance. */
    public String label() {
        return (descending ? "-" : "") + column.name;
    }
}
