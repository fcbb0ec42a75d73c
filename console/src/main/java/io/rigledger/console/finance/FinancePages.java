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
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.LocalDate;
import java.util.List;

/**
 * Finance's pages: the reconciliation (estimated vs declared vs paid, by entry, order, origin,
 * program ...) with its CSV and a reason per row, the deadlines due in 30 or 90 days, and the IEEPA
 * refunds with CAPE eligibility and the CAPE files. What finance may read is tariff-service's call.
 */
@Path("/finance")
@Authenticated
public class FinancePages {

    /** The groupings tariff-service reconciles by (getReconciliation's groupBy). */
    static final List<String> GROUPINGS = List.of("entry", "order", "shipment", "origin", "program", "manufacturer");

    @Inject
    Finance finance;

    @Inject
    Downloads downloads;

    /** The reconciliation page's model: the form's values and tariff-service's answer. */
    public record ReconciliationView(String from, String to, String groupBy, Reconciliation data) {
        public List<String> groupings() {
            return GROUPINGS;
        }

        /** The query string of this view (for the CSV link). */
        public String query() {
            return UriBuilder.fromPath("").queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
                    .build().getRawQuery();
        }
    }

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
     * The reconciliation of entries dated {@code from} to {@code to} (ISO dates; empty: all) by {@code groupBy}
     * (default entry). A malformed date or grouping is tariff-service's 400, shown as such.
     */
    @GET
    @Path("/reconciliation")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reconciliation(@QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("groupBy") String groupBy) {
        String grouping = groupBy == null || groupBy.isBlank() ? "entry" : groupBy;
        Reconciliation data = finance.reconciliation(date("from", from), date("to", to), grouping);
        return reconciliationPage.data("view", new ReconciliationView(text(from), text(to), grouping, data));
    }

    /** tariff-service's CSV of the same rows, streamed through as it arrives. */
    @GET
    @Path("/reconciliation.csv")
    public Response reconciliationCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("groupBy") String groupBy) {
        Downloads.Download csv = downloads.reconciliationCsv(from, to, groupBy);
        return Response.ok(csv.body(), csv.contentType())
                .header("Content-Disposition", csv.disposition().orElse("attachment; filename=\"reconciliation.csv\""))
                .build();
    }

    /** Records the reason on a row, then shows the same reconciliation again (POST, redirect, GET). */
    @POST
    @Path("/reconciliation/reasons")
    @Produces(MediaType.TEXT_HTML)
    public Response reason(@FormParam("groupBy") String groupBy, @FormParam("group") String group,
                           @FormParam("program") String program, @FormParam("heading") String heading,
                           @FormParam("reason") String reason, @FormParam("from") String from, @FormParam("to") String to) {
        finance.reason(groupBy, group, program, heading, reason);
        return Response.seeOther(UriBuilder.fromPath("/finance/reconciliation").queryParam("from", text(from))
                .queryParam("to", text(to)).queryParam("groupBy", groupBy).build()).build();
    }

    /** Deadlines due in the next {@code within} days: 30 (default) or 90. */
    @GET
    @Path("/deadlines")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance deadlines(@QueryParam("within") Integer within, @QueryParam("cursor") String cursor) {
        int days = within != null && within == 90 ? 90 : 30;
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
