package io.rigledger.tariff.entry;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.UUID;

/**
 * Customs entries (CBP Form 7501) under /api/entries: written by finance or a service account (which
 * names the organisation in X-On-Behalf-Of-Org), read by finance, operator and admin of the
 * organisation. Another organisation's entry answers 404 on every verb, like a missing one.
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
    Caller caller;

    /** 201 with the entry and its Location; 409 when the organisation already filed the entry number. */
    @POST
    @RolesAllowed({"finance", "service"})
    public Response create(@NotNull @Valid NewEntry body, @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf, UriInfo uri) {
        EntryView view = entries.create(body, OrgScope.of(caller, onBehalfOf), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
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
    public EntryView pay(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewPayment body,
                         @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return entries.pay(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({"finance", "service"})
    public EntryView correct(@PathParam("id") String id, @NotNull @Valid EntryCorrection body,
                             @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return entries.correct(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/liquidation")
    @RolesAllowed({"finance", "service"})
    public EntryView liquidate(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewLiquidation body,
                               @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return lifecycle.liquidate(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/protest")
    @RolesAllowed({"finance", "service"})
    public EntryView protest(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewProtest body,
                             @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return lifecycle.protest(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/final-liquidation")
    @RolesAllowed({"finance", "service"})
    public EntryView finallyLiquidate(@PathParam("id") String id, @NotNull @Valid EntryMoves.FinalLiquidation body,
                                      @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return lifecycle.finallyLiquidate(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/refund-request")
    @RolesAllowed({"finance", "service"})
    public EntryView requestRefund(@PathParam("id") String id, @NotNull @Valid EntryMoves.RefundRequest body,
                                   @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return claims.request(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({"finance", "service"})
    public EntryView recordRefund(@PathParam("id") String id, @NotNull @Valid EntryMoves.RefundReceived body,
                                  @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return claims.record(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    @POST
    @Path("/{id}/origin-audits")
    @RolesAllowed({"finance", "service"})
    public EntryView originAudit(@PathParam("id") String id, @NotNull @Valid EntryMoves.NewOriginAudit body,
                                 @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return lifecycle.originAudit(Params.uuid("id", id), body, OrgScope.of(caller, onBehalfOf), caller.userName());
    }

    /** The history's shape on the wire. */
    public record HistoryView(List<EntryView.Event> items) {
    }
}
