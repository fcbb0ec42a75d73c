package io.rigledger.tariff.allocation;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.http.Params;
import io.rigledger.tariff.entry.OrgScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/entries/{id}/allocation: the entry's declared duty per layer and fees per purchase-order
 * line and per rig ({@link Allocations}). Roles: finance, operator, admin of the organisation, and
 * service (procurement-service computing landed cost), which names the organisation in
 * X-On-Behalf-Of-Org ({@link OrgScope}: 400 without it); another organisation's entry is 404.
 */
@Path("/api/entries/{id}/allocation")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    @Inject
    Caller caller;

    @Inject
    Allocations allocations;

    @GET
    @RolesAllowed({"finance", "operator", "admin", "service"})
    public AllocationView get(@PathParam("id") String id, @HeaderParam(OrgScope.ON_BEHALF_OF) String onBehalfOf) {
        return allocations.of(Params.uuid("id", id), OrgScope.of(caller, onBehalfOf));
    }
}
