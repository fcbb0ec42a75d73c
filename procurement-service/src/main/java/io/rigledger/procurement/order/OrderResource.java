package io.rigledger.procurement.order;

import io.rigledger.procurement.common.Caller;
import io.rigledger.procurement.common.PageCursor;
import io.rigledger.procurement.common.Problems;
import io.rigledger.procurement.order.OrderViews.PurchaseOrderPage;
import io.rigledger.procurement.order.OrderViews.PurchaseOrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public RestResponse<PurchaseOrderView> create(@NotNull @Valid NewPurchaseOrder body, UriInfo uri) {
        PurchaseOrderView created = orders.place(body, caller.org(), caller.userName());
        return RestResponse.ResponseBuilder.<PurchaseOrderView>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops"})
    public PurchaseOrderView get(@PathParam("id") String id) {
        String org = caller.org();
        UUID orderId = uuid(id);
        return orders.find(orderId, org).orElseThrow(() -> Problems.notFound("purchase order", orderId));
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public PurchaseOrderPage list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String org = caller.org();
        return orders.page(org, PageCursor.decode(cursor), PageCursor.limit(limit));
    }

    /** Parsed here, not by JAX-RS: a malformed path id is a 400 naming it, not a 404. */
    private static UUID uuid(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw Problems.badRequest("id", "must be a UUID");
    }
}
