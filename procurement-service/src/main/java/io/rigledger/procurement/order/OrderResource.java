package io.rigledger.procurement.order;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.caller.OnBehalfOf;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.order.OrderStatus.Move;
import io.rigledger.procurement.order.OrderStore.OrderFilter;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.order.OrderViews.PurchaseOrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Purchase orders of the caller's organisation (contract: procurement.yaml, tag purchase-orders).
 * Thin: parses, authorises, calls one service method, and answers what it returns with its ETag
 * (and Location, and Idempotent-Replayed on a stored answer).
 */
@Path("/api/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern SUPPLIER = Pattern.compile("^[^\\x00-\\x1f\\x7f]{1,100}$");

    @Inject
    OrderService orders;

    @Inject
    OrderMoves moves;

    @Inject
    LandedCostService landedCosts;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public RestResponse<String> create(@HeaderParam(Idempotency.HEADER) String key,
                                       @NotNull @Valid NewPurchaseOrder body, UriInfo uri) {
        String org = caller.org();
        var claim = idempotency.claim(org, key, "POST", uri.getPath(), body);
        return orders.place(body, org, caller.userName(), claim, uri.getAbsolutePath().toString()).toResponse();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops", "service"})
    public RestResponse<PurchaseOrderView> get(@PathParam("id") String id, @HeaderParam(OnBehalfOf.HEADER) String onBehalfOf) {
        // a service account (tariff-service checking an entry's order lines) names the organisation it acts for
        String org = OnBehalfOf.org(caller, onBehalfOf);
        UUID orderId = Params.uuid("id", id);
        OrderWithLines found = orders.find(orderId, org).orElseThrow(() -> Problems.notFound("purchase order", orderId));
        return RestResponse.ResponseBuilder.ok(PurchaseOrderView.of(found.order(), found.lines()))
                .header("ETag", ETags.of(found.order().version)).build();
    }

    @GET
    @Path("/{id}/landed-cost")
    @RolesAllowed({"operator", "finance", "ops"})
    public LandedCostView landedCost(@PathParam("id") String id) {
        return landedCosts.of(Params.uuid("id", id), caller.org());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public RestResponse<String> update(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                       @NotNull @Valid OrderChange body) {
        String org = caller.org();
        return orders.update(Params.uuid("id", id), org, ifMatch, body).toResponse();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed("operator")
    public RestResponse<String> submit(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                       @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return move(id, Move.SUBMIT, ifMatch, key, uri);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed("operator")
    public RestResponse<String> confirm(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                        @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return move(id, Move.CONFIRM, ifMatch, key, uri);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("operator")
    public RestResponse<String> cancel(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                       @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return move(id, Move.CANCEL, ifMatch, key, uri);
    }

    @POST
    @Path("/{id}/requote")
    @RolesAllowed({"operator", "finance"})
    public RestResponse<String> requote(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                        @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        String org = caller.org();
        UUID orderId = Params.uuid("id", id);
        var claim = idempotency.claim(org, key, "POST", uri.getPath(), null);
        return moves.requote(orderId, org, ifMatch, claim).toResponse();
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public Page<PurchaseOrderView> list(@QueryParam("status") String status, @QueryParam("supplier") String supplier,
                                        @QueryParam("origin") String origin, @QueryParam("createdFrom") String createdFrom,
                                        @QueryParam("createdTo") String createdTo, @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        String org = caller.org();
        OrderFilter filter = new OrderFilter(status(status), text("supplier", supplier, SUPPLIER, "must be 1 to 100 characters without control characters"),
                text("origin", origin, COUNTRY, "must be an ISO 3166-1 alpha-2 code such as MY"),
                instant("createdFrom", createdFrom), instant("createdTo", createdTo));
        int size = paging.limit(limit);
        return orders.page(org, filter, cursor, size);
    }

    private RestResponse<String> move(String id, Move move, String ifMatch, String key, UriInfo uri) {
        String org = caller.org();
        UUID orderId = Params.uuid("id", id);
        var claim = idempotency.claim(org, key, "POST", uri.getPath(), null);
        return moves.move(orderId, org, move, ifMatch, claim).toResponse();
    }


    private static OrderStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.badRequest("status", "must be one of " + Arrays.toString(OrderStatus.values())));
    }

    private static String text(String name, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw Problems.badRequest(name, message);
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(value);
            if (at.isBefore(Instant.parse("1900-01-01T00:00:00Z")) || !at.isBefore(Instant.parse("2200-01-01T00:00:00Z"))) {
                throw Problems.badRequest(name, "must be an instant from 1900 to 2199");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(name, "must be an ISO-8601 instant such as 2026-11-29T10:15:30Z");
        }
    }
}
