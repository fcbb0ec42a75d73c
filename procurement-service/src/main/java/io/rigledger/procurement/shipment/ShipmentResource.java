package io.rigledger.procurement.shipment;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.caller.OnBehalfOf;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.shipment.ShipmentViews.ShipmentView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * One shipment of the caller's organisation (contract: procurement.yaml, getShipment); a service account
 * names the organisation in X-On-Behalf-Of-Org.
 */
@Path("/api/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    ShipmentService shipments;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops", "service"})
    public ShipmentView get(@PathParam("id") String id, @HeaderParam(OnBehalfOf.HEADER) String onBehalfOf) {
        // a service account (tariff-service checking an entry's shipments) names the organisation it acts for
        String org = OnBehalfOf.org(caller, onBehalfOf);
        UUID shipmentId = Params.uuid("id", id);
        return shipments.find(shipmentId, org).orElseThrow(() -> Problems.notFound("shipment", shipmentId));
    }
}
