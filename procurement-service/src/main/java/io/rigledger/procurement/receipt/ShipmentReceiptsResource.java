package io.rigledger.procurement.receipt;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** Receiving a shipment's rigs at a site (contract: procurement.yaml, receiveShipment). */
@Path("/api/shipments/{id}/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentReceiptsResource {

    @Inject
    ReceiptService receipts;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"operator", "ops"})
    public RestResponse<String> receive(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key,
                                        @NotNull @Valid NewReceipt body, UriInfo uri) {
        String org = caller.org();
        UUID shipmentId = Params.uuid("id", id);
        var claim = idempotency.claim(org, key, "POST", uri.getPath(), body);
        return receipts.receive(shipmentId, org, caller.userName(), body, claim, uri.getBaseUri().toString()).toResponse();
    }
}
