package io.rigledger.procurement.shipment;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.procurement.shipment.ShipmentViews.ShipmentSummaryView;
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

import java.util.UUID;

/** Shipments of one purchase order (contract: procurement.yaml, createShipment and listShipments). */
@Path("/api/purchase-orders/{id}/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class OrderShipmentsResource {

    @Inject
    ShipmentService shipments;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public RestResponse<String> create(@PathParam("id") String id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                       @HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid NewShipment body,
                                       UriInfo uri) {
        String org = caller.org();
        UUID orderId = Params.uuid("id", id);
        var claim = idempotency.claim(org, key, "POST", uri.getPath(), body);
        return shipments.ship(orderId, org, caller.userName(), ifMatch, body, claim, uri.getBaseUri().toString()).toResponse();
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public Page<ShipmentSummaryView> list(@PathParam("id") String id, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        String org = caller.org();
        UUID orderId = Params.uuid("id", id);
        int size = paging.limit(limit);
        return shipments.page(orderId, org, cursor, size);
    }

}
