package io.rigledger.tariff.entry;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/**
 * Customs entries (CBP Form 7501) under /api/entries: written by finance or a service account (which
 * names the organisation in X-On-Behalf-Of-Org), read by finance, operator and admin of the
 * organisation. Another organisation's entry answers 404 on every verb, like a missing one. Every POST
 * takes an optional Idempotency-Key ({@link EntryAnswers}): a retry with the same key and body answers
 * the first answer again and changes nothing.
 */
@Path("/api/entries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    static final String[] WRITERS = {"finance", "service"};

    @Inject
    EntryService entries;

    @Inject
    EntryLifecycle lifecycle;

    @Inject
    RefundClaims claims;

    @Inject
    EntryAnswers answers;

    @Inject
    OrderLineCheck orderLines;

    @Inject
    Caller caller;

    /**
     * 201 with the entry and its Location; 409 when the organisation already filed the entry number. With an
     * Idempotency-Key, a repeat answers the first 201 again ({@link EntryAnswers}). The order lines are first
     * checked with procurement-service ({@link OrderLineCheck}: 422 naming the field, 503 when it cannot
     * answer), before any transaction opens.
     */
    @POST
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> create(@NotNull @Valid NewEntry body, @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf,
                                       @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        String org = OrgScope.of(caller, onBehalfOf);
        EntryService.refuseMalformed(body);
        orderLines.check(body.orderLines(), actingFor(org));
        return answers.created(org, key, uri, body, () -> entries.create(body, org, caller.userName()));
    }

    /**
     * The organisation's entries by date of entry (keyset paging); with {@code purchaseOrderId} only those
     * covering a line of that order. A service account names the organisation in X-On-Behalf-Of-Org.
     */
    @GET
    @RolesAllowed({"finance", "operator", "admin", "service"})
    public Page<EntryListItem> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                    @QueryParam("purchaseOrderId") String purchaseOrderId,
                                    @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        UUID order = purchaseOrderId == null ? null : Params.uuid("purchaseOrderId", purchaseOrderId);
        return entries.list(OrgScope.of(caller, onBehalfOf), order, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"finance", "operator", "admin"})
    public EntryView get(@PathParam("id") String id) {
        return entries.get(Params.uuid("id", id), caller.org());
    }

    /** Every step: who, when, why, from which status to which. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({"finance", "operator", "admin"})
    public HistoryView history(@PathParam("id") String id) {
        return new HistoryView(entries.history(Params.uuid("id", id), caller.org()));
    }

    /** One summary version (1 = as filed; each correction adds one). */
    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({"finance", "operator", "admin"})
    public SummaryView version(@PathParam("id") String id, @PathParam("version") String version) {
        UUID entryId = Params.uuid("id", id);
        if (version == null || !version.matches("^[1-9][0-9]{0,3}$")) {
            throw Problems.badRequest("version", "must be a whole number from 1 to 9999");
        }
        return entries.version(entryId, Integer.parseInt(version), caller.org());
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> pay(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewPayment body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> entries.pay(entry, body, org, by));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> correct(@PathParam("id") String id, @NotNull @Valid EntryCorrection body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        String org = OrgScope.of(caller, onBehalfOf);
        // a missing or foreign entry stays 404 whatever its order lines name; then they are checked as at filing
        entries.get(Params.uuid("id", id), org);
        SummaryChecks.check(body);
        orderLines.check(body.orderLines(), actingFor(org));
        return step(id, onBehalfOf, key, uri, body, (entry, o, by) -> entries.correct(entry, body, o, by));
    }

    @POST
    @Path("/{id}/liquidation")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> liquidate(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewLiquidation body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> lifecycle.liquidate(entry, body, org, by));
    }

    @POST
    @Path("/{id}/protest")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> protest(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewProtest body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> lifecycle.protest(entry, body, org, by));
    }

    @POST
    @Path("/{id}/final-liquidation")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> finallyLiquidate(@PathParam("id") String id, @NotNull @Valid EntryMoves.FinalLiquidation body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> lifecycle.finallyLiquidate(entry, body, org, by));
    }

    @POST
    @Path("/{id}/refund-request")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> requestRefund(@PathParam("id") String id, @NotNull @Valid EntryMoves.RefundRequest body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> claims.request(entry, body, org, by));
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> recordRefund(@PathParam("id") String id, @NotNull @Valid EntryMoves.RefundReceived body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> claims.record(entry, body, org, by));
    }

    @POST
    @Path("/{id}/origin-audits")
    @RolesAllowed({"finance", "service"})
    public RestResponse<String> originAudit(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewOriginAudit body,
            @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return step(id, onBehalfOf, key, uri, body, (entry, org, by) -> lifecycle.originAudit(entry, body, org, by));
    }

    /** The organisation to name in X-On-Behalf-Of-Org to procurement-service: a service account's, none for a person. */
    private String actingFor(String org) {
        return caller.hasRole("service") ? org : null;
    }

    /** Runs one step on the entry {@code id} for the caller's organisation under the request's Idempotency-Key. */
    private RestResponse<String> step(String id, String onBehalfOf, String key, UriInfo uri, Object body, Step step) {
        UUID entry = Params.uuid("id", id);
        String org = OrgScope.of(caller, onBehalfOf);
        String by = caller.userName();
        return answers.step(org, key, uri, body, () -> step.on(entry, org, by));
    }

    /** One step on an entry: its id, the organisation and who takes the step, to the entry after it. */
    @FunctionalInterface
    interface Step {
        EntryView on(UUID entry, String org, String by);
    }

    /** The history's shape on the wire. */
    public record HistoryView(List<EntryView.Event> items) {
    }
}
