package io.rigledger.procurement.receipt;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** One receipt of the caller's organisation, with whether inventory-service confirmed each rig (contract: getReceipt). */
@Path("/api/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    @Inject
    ReceiptService receipts;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops"})
    public ReceiptView get(@PathParam("id") String id) {
        String org = caller.org();
        UUID receiptId = Params.uuid("id", id);
        return receipts.find(receiptId, org).orElseThrow(() -> Problems.notFound("receipt", receiptId));
    }
}
