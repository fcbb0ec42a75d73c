package io.rigledger.console.finance;

import io.rigledger.console.upstream.tariff.model.Reconciliation;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.stream.Stream;

/**
 * The reconciliation page's model: the form's values (dates as written, empty for no bound), the grouping, the
 * order tariff-service sorted the whole range by, the page size, the cursor of this page, and tariff-service's page
 * of rows with the range's count and totals.
 *
 * @param from    first entry date as shown in the form (ISO), or empty
 * @param to      last entry date as shown in the form (ISO), or empty
 * @param groupBy entry, order, shipment, origin, program or manufacturer
 * @param sort    a column of the rows, after '-' when descending (getReconciliation's sort)
 * @param size    rows a page, 1 to {@value #MAX_SIZE}
 * @param cursor  this page's cursor as the console writes it ({@link FinanceInput#cursor}: the size, a dot, tariff-service's),
 *                empty on the first page
 * @param data    tariff-service's page
 */
public record ReconciliationView(String from, String to, String groupBy, String sort, int size, String cursor,
                                 Reconciliation data) {

    /** The page sizes offered; the first is the default. */
    static final List<Integer> SIZES = List.of(100, 200, 500);

    /** The largest page tariff-service answers (the platform's limit). */
    static final int MAX_SIZE = 1000;

    /** The groupings tariff-service reconciles by (getReconciliation's groupBy). */
    static final List<String> GROUPINGS = List.of("entry", "order", "shipment", "origin", "program", "manufacturer");

    /** The default order: by group, ascending. */
    static final String DEFAULT_SORT = "group";

    /** The columns as shown, with the name tariff-service sorts them by; amounts are right-aligned. */
    private static final List<String[]> COLUMNS = List.of(new String[]{"group", ""}, new String[]{"program", "Program"},
            new String[]{"heading", "Heading"}, new String[]{"firstEntryDate", "First entry"},
            new String[]{"lastEntryDate", "Last entry"}, new String[]{"estimated", "Estimated"},
            new String[]{"declared", "Declared"}, new String[]{"paid", "Paid"}, new String[]{"billed", "Billed"},
            new String[]{"refunded", "Refunded"}, new String[]{"variance", "Variance"}, new String[]{"reason", "Reason"});

    private static final List<String> AMOUNTS = List.of("estimated", "declared", "paid", "billed", "refunded", "variance");

    /**
     * A column heading: its label, the link that sorts the whole range by it (descending when it is already the
     * ascending sort), and its aria-sort (ascending, descending or none).
     */
    public record Heading(String label, String href, String ariaSort, boolean amount) {
    }

    public List<String> groupings() {
        return GROUPINGS;
    }

    /** The sizes offered, with this page's own when it is another (written in the address). */
    public List<Integer> sizes() {
        return SIZES.contains(size) ? SIZES : Stream.concat(SIZES.stream(), Stream.of(size)).sorted().toList();
    }

    /**
     * The range this page shows, in words: each end's date; an empty date in the form is "no start date" or "no end
     * date" (getReconciliation then counts from its earliest date or to its latest, which it answers as from and to:
     * 2019-01-01 and 2199-12-31), so every entry on that side counts.
     */
    public String range() {
        String start = from.isEmpty() ? "any date (no start date)" : String.valueOf(data.getFrom());
        String end = to.isEmpty() ? "any date (no end date)" : String.valueOf(data.getTo());
        return start + " to " + end;
    }

    /** The query string of this view's range, grouping and order (for the CSV link: every row, not a page). */
    public String query() {
        return UriBuilder.fromPath("").queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
                .queryParam("sort", sort).build().getRawQuery();
    }

    /** The headings, each a link sorting the whole range on tariff-service (the first page of that order). */
    public List<Heading> headings() {
        return COLUMNS.stream().map(c -> {
            String name = c[0];
            String ariaSort = sort.equals(name) ? "ascending" : sort.equals("-" + name) ? "descending" : "none";
            String next = sort.equals(name) ? "-" + name : name;
            String label = c[1].isEmpty() ? groupBy : c[1];
            return new Heading(label, link(next, null), ariaSort, AMOUNTS.contains(name));
        }).toList();
    }

    /** The link to the next page, or null on the last. */
    public String nextHref() {
        return data.getNextCursor() == null ? null : link(sort, FinanceInput.cursorOf(data.getNextCursor(), size));
    }

    /** The link to the page before, or null on the first. */
    public String prevHref() {
        return data.getPrevCursor() == null ? null : link(sort, FinanceInput.cursorOf(data.getPrevCursor(), size));
    }

    /** This page's own address (where a recorded reason comes back to). */
    static String address(String from, String to, String groupBy, String sort, int size, String cursor) {
        UriBuilder uri = UriBuilder.fromPath("/finance/reconciliation").queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", groupBy).queryParam("sort", sort).queryParam("size", size);
        if (cursor != null && !cursor.isEmpty()) {
            uri.queryParam("cursor", cursor);
        }
        return uri.build().toString();
    }

    private String link(String order, String cursor) {
        return address(from, to, groupBy, order, size, cursor);
    }
}
