package io.rigledger.console.finance;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.rigledger.console.upstream.Downloads;
import io.rigledger.console.upstream.Finance;
import io.rigledger.console.upstream.tariff.model.DeadlineList;
import io.rigledger.console.upstream.tariff.model.IeepaRefunds;
import io.rigledger.console.upstream.tariff.model.Reconciliation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Finance's pages: the reconciliation (estimated vs declared vs paid, by entry, order, origin,
 * program ...) with its CSV and a reason per row, the deadlines due in 30 or 90 days, and the IEEPA
 * refunds with CAPE eligibility and the CAPE files. What finance may read is tariff-service's call.
 */
@Path("/finance")
@Authenticated
public class FinancePages {

    /** How far back the reconciliation looks when the person has not chosen dates: the last 90 days. */
    static final int DEFAULT_DAYS = 90;

    @Inject
    Finance finance;

    @Inject
    Downloads downloads;

    /** A list page's model: how many days ahead, and tariff-service's answer. */
    public record DeadlinesView(int days, DeadlineList data) {
    }

    /** The IEEPA refunds page's model. */
    public record RefundsView(IeepaRefunds data) {
    }

    @Inject
    @Location("finance/reconciliation.html")
    Template reconciliationPage;

    @Inject
    @Location("finance/deadlines.html")
    Template deadlinesPage;

    @Inject
    @Location("finance/refunds.html")
    Template refundsPage;

    /**
     * One page of the reconciliation of entries dated {@code from} to {@code to} (ISO dates; absent from the
     * address: the last {@value #DEFAULT_DAYS} days to today, UTC, shown in the form; empty, a cleared date field: no
     * bound on that side, as getReconciliation has it, and the page says so) by {@code groupBy} (default entry),
     * sorted by tariff-service over the whole range ({@code sort}: a column, '-' for descending; default group),
     * {@code size} rows a page (1 to 1000; 100, 200 and 500 offered; default 100) from {@code cursor} (the page's Next or
     * Previous link: tariff-service's nextCursor or prevCursor bound to the page size, {@link FinanceInput#cursor}; absent:
     * the first page), with the whole range's count and totals. A malformed date, a size outside 1 to 1000 and a cursor
     * of another page size are a 400 page naming the field before any call; a cursor of another range, grouping or
     * sort is tariff-service's 400, shown as such.
     */
    @GET
    @Path("/reconciliation")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reconciliation(@QueryParam("groupBy") String groupBy, @QueryParam("sort") String sort,
                                           @QueryParam("size") String size, @QueryParam("cursor") String cursor,
                                           @Context HttpServerRequest request) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String shownFrom = rangeEnd(request, "from", today.minusDays(DEFAULT_DAYS));
        String shownTo = rangeEnd(request, "to", today);
        String grouping = groupBy == null || groupBy.isBlank() ? "entry" : groupBy;
        String order = sort == null || sort.isBlank() ? ReconciliationView.DEFAULT_SORT : sort;
        int rows = FinanceInput.pageSize(size, ReconciliationView.SIZES.get(0), ReconciliationView.MAX_SIZE);
        String at = FinanceInput.cursor(cursor, rows);
        Reconciliation data = finance.reconciliation(date("from", shownFrom), date("to", shownTo), grouping, order, rows, at);
        return reconciliationPage.data("view", new ReconciliationView(shownFrom, shownTo, grouping, order, rows, text(cursor), data));
    }

    /** tariff-service's CSV of every row of the range (not a page), in the page's order, streamed through as it arrives. */
    @GET
    @Path("/reconciliation.csv")
    public Response reconciliationCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("groupBy") String groupBy, @QueryParam("sort") String sort) {
        Downloads.Download csv = downloads.reconciliationCsv(from, to, groupBy, sort);
        return Response.ok(csv.body(), csv.contentType())
                .header("Content-Disposition", csv.disposition().orElse("attachment; filename=\"reconciliation.csv\""))
                .build();
    }

    /**
     * Records the reason on a row, then shows the same page of the same reconciliation again (POST, redirect, GET).
     *
     * @throws io.rigledger.console.upstream.ApiProblem 400 naming reason when it is empty, or tariff-service's 400 naming
     *         reason when it is longer than tariff-service keeps (1,000 characters)
     *         (before any call); tariff-service's own refusal otherwise
     */
    @POST
    @Path("/reconciliation/reasons")
    @Produces(MediaType.TEXT_HTML)
    public Response reason(@FormParam("groupBy") String groupBy, @FormParam("group") String group,
                           @FormParam("program") String program, @FormParam("heading") String heading,
                           @FormParam("reason") String reason, @FormParam("from") String from, @FormParam("to") String to,
                           @FormParam("sort") String sort, @FormParam("size") String size, @FormParam("cursor") String cursor) {
        finance.reason(groupBy, group, program, heading, FinanceInput.reason(reason));
        String order = sort == null || sort.isBlank() ? ReconciliationView.DEFAULT_SORT : sort;
        return Response.seeOther(URI.create(ReconciliationView.address(text(from), text(to), groupBy, order,
                FinanceInput.pageSize(size, ReconciliationView.SIZES.get(0), ReconciliationView.MAX_SIZE), cursor))).build();
    }

    /**
     * Deadlines due in the next {@code within} days: 30 (default) or 90.
     *
     * @throws io.rigledger.console.upstream.ApiProblem 400 naming within when it is another value
     */
    @GET
    @Path("/deadlines")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance deadlines(@QueryParam("within") String within, @QueryParam("cursor") String cursor) {
        int days = FinanceInput.within(within);
        return deadlinesPage.data("view", new DeadlinesView(days, finance.deadlines(days, cursor)));
    }

    /** The IEEPA refunds, a page at a time. */
    @GET
    @Path("/ieepa-refunds")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance refunds(@QueryParam("cursor") String cursor) {
        return refundsPage.data("view", new RefundsView(finance.ieepaRefunds(cursor)));
    }

    /** The CAPE files (zip) of the entries eligible today, streamed through from tariff-service. */
    @GET
    @Path("/ieepa-refunds/cape-files")
    public Response capeFiles() {
        Downloads.Download zip = downloads.capeFiles();
        return Response.ok(zip.body(), zip.contentType())
                .header("Content-Disposition", zip.disposition().orElse("attachment; filename=\"cape-files.zip\""))
                .build();
    }

    /**
     * One end of the reconciliation's range as the form shows it: {@code fallback} when the address does not name
     * {@code field} at all (the page opened from the menu), the value as written otherwise, empty when the person
     * cleared the date (no bound on that side, as getReconciliation reads an absent from or to). Read from the
     * request's own parameters, where {@code from=} is present with an empty value (a JAX-RS String parameter does
     * not tell it from an absent one).
     */
    private static String rangeEnd(HttpServerRequest request, String field, LocalDate fallback) {
        String value = request.params().get(field);
        return value == null ? fallback.toString() : value.strip();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return FinanceInput.date(field, value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
