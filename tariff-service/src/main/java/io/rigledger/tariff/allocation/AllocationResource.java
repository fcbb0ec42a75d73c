package io.rigledger.tariff.allocation;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/entries/{id}/allocation: the entry's declared duty per layer and fees per purchase-order
 * line and per rig ({@link Allocations}). Roles: finance, operator, admin of the organisation;
 * another organisation's entry is 404.
 */
@Path("/api/entries/{id}/allocation")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    @Inject
    Caller caller;

    @Inject
    Allocations allocations;

    @GET
    @RolesAllowed({"finance", "operator", "admin"})
    public AllocationView get(@PathParam("id") String id) {
        return allocations.of(Params.uuid("id", id), caller.org());
    }
}
