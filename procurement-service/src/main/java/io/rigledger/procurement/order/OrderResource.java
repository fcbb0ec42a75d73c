package io.rigledger.procurement.order;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
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

    @Inject
    Paging paging;

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
        UUID orderId = Params.uuid("id", id);
        return orders.find(orderId, org).orElseThrow(() -> Problems.notFound("purchase order", orderId));
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public Page<PurchaseOrderView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String org = caller.org();
        int size = paging.limit(limit);
        CursorKey after = paging.after(cursor, 2);
        return orders.page(org, after == null ? null : new OrderStore.Position(after.instant(0), after.uuid(1)), size);
    }
}
