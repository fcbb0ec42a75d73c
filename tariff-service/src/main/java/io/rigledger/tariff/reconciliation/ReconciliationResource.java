package io.rigledger.tariff.reconciliation;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * GET /api/reconciliation?from&to&groupBy&sort&limit&cursor: per group and layer, estimated vs declared
 * vs paid vs billed vs refunded and the variance, for entries dated from {@code from} (default
 * 2019-01-01) to {@code to} (default 2199-12-31, the last date it accepts, so entries dated ahead, up to
 * a year after they were filed, are never left out), in the order {@code sort} names (a column, '-' for
 * descending; default group). JSON: one page of rows ({@code limit}, 1 to 1000, default 100; the next
 * page from {@code nextCursor}), with the number of rows and the totals of the whole range, not only of
 * the page. With Accept: text/csv, every row of the range as CSV, streamed from the database cursor
 * (UTF-8, header row, RFC 4180 quoting, ISO dates, amounts with two decimals and a dot, formula
 * injection neutralised by {@link CsvCells}); limit and cursor do not cut it. Roles: finance,
 * operator, admin of the organisation.
 *
 * <p>The cursor carries the position of the page's end in the sorted rows (bound to the range,
 * grouping and sort it was issued for), not the last row's values: any column can be the sort, the
 * grouped sums must be computed for the whole range anyway (for the totals and any order but by
 * group), and a group key of up to 100 characters beside a sort value does not fit the platform's
 * 200-character cursor.
 */
@Path("/api/reconciliation")
public class ReconciliationResource {

    static final String CSV = "text/csv";
    /** Where the schedule, and so every entry, starts: the default of {@code from}. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);
    /** The last date {@code to} accepts, and its default: every entry, including those dated ahead of today. */
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    @Inject
    Caller caller;

    @Inject
    ReconciliationQuery query;

    @Inject
    Paging paging;

    /** The query as parsed before anything is read, so every refusal is still a 4xx problem. */
    record Ask(String org, Grouping grouping, LocalDate from, LocalDate to, ReconciliationSort sort) {
        /** What a cursor is bound to: the same organisation, range, grouping and order. */
        CursorScope scope() {
            return CursorScope.of(org, "reconciliation", from, to, grouping.label(), sort.label());
        }
    }

    /** The totals of the range's rows (contract: ReconciliationTotals), USD. */
    public record Totals(BigDecimal estimated, BigDecimal declared, BigDecimal paid, BigDecimal billed, BigDecimal refunded,
                         BigDecimal variance) {
    }

    /**
     * A page of the reconciliation (contract: Reconciliation): the range, grouping and sort, the page's rows,
     * how many rows the range has and their totals, where the next page starts (null on the last) and where
     * the one before starts (null on the first).
     */
    public record Answer(String from, String to, String groupBy, String sort, List<ReconciliationRow> rows, long rowCount,
                         Totals totals, String nextCursor, String prevCursor) {
    }

    /** JSON unless the caller asks for text/csv (and not for JSON as well). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"finance", "operator", "admin"})
    public Response get(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                        @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                        @QueryParam("cursor") String cursor, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Ask ask = ask(from, to, groupBy, sort);
        int pageSize = paging.limit(limit);
        CursorKey after = paging.after(cursor, 1, ask.scope());
        long skip = after == null ? 0 : after.number(0);
        if (skip < 0) {
            throw Paging.invalidCursor();
        }
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return csv ? csv(ask) : Response.ok(json(ask, skip, pageSize), MediaType.APPLICATION_JSON).build();
    }

    private Answer json(Ask ask, long skip, int limit) {
        ReconciliationQuery.Page page = query.page(ask.org(), ask.grouping(), ask.from(), ask.to(), ask.sort(), skip, limit);
        BigDecimal[] t = page.totals();
        String next = page.more() ? paging.cursor(ask.scope(), String.valueOf(skip + page.rows().size())) : null;
        String previous = skip > 0 ? paging.cursor(ask.scope(), String.valueOf(Math.max(0, skip - limit))) : null;
        return new Answer(ask.from().toString(), ask.to().toString(), ask.grouping().label(), ask.sort().label(), page.rows(),
                page.rowCount(), new Totals(t[0], t[1], t[2], t[3], t[4], t[5]), next, previous);
    }

    private Response csv(Ask ask) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(ReconciliationRow.HEADER).get())) {
                query.stream(ask.org(), ask.grouping(), ask.from(), ask.to(), ask.sort(), row -> csv.printRecord(
                        CsvCells.text(row.group()), CsvCells.text(row.program()), CsvCells.text(row.heading()),
                        row.firstEntryDate().toString(), row.lastEntryDate().toString(), CsvCells.amount(row.estimated()),
                        CsvCells.amount(row.declared()), CsvCells.amount(row.paid()), CsvCells.amount(row.billed()),
                        CsvCells.amount(row.refunded()), CsvCells.amount(row.variance()), CsvCells.text(row.reason())));
            }
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + ask.grouping().label() + ".csv\"").build();
    }

    private Ask ask(String from, String to, String groupBy, String sort) {
        String org = caller.org();
        LocalDate start = from == null ? EARLIEST : date("from", from);
        LocalDate end = to == null ? LATEST : date("to", to);
        if (end.isBefore(start)) {
            throw Problems.badRequest("to", "must not be before from");
        }
        return new Ask(org, Grouping.of(groupBy), start, end, ReconciliationSort.of(sort));
    }

    static LocalDate date(String name, String text) {
        if (text == null || !text.matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) {
            throw Problems.badRequest(name, "must be a date such as 2026-01-31");
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw Problems.badRequest(name, "must be from 1900-01-01 to 2199-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(name, "must be a date such as 2026-01-31");
        }
    }
}
