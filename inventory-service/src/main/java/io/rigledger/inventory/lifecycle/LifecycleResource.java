package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.access.Tenant;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Deployment;
import io.rigledger.inventory.lifecycle.LifecycleRequests.LandedCostChange;
import io.rigledger.inventory.lifecycle.LifecycleRequests.MacChange;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Transition;
import io.rigledger.inventory.rig.AssetIds;
import io.rigledger.inventory.rig.RigReads;
import io.rigledger.inventory.rig.RigView;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Changes of rigs after registration and their history; each change answers the rig as it now is. */
@Path("/api/rigs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    @Inject
    LifecycleService lifecycle;

    @Inject
    History history;

    @Inject
    RigReads reads;

    @Inject
    Tenant tenant;

    @Inject
    Paging paging;

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed("ops")
    public RigView transitionRig(@PathParam("id") String id, @NotNull @Valid Transition body) {
        String org = tenant.org();
        long number = AssetIds.parse(id, "id");
        lifecycle.transition(org, tenant.actor(), number, body);
        return reads.find(org, number).orElseThrow();
    }

    @POST
    @Path("/deployments")
    @RolesAllowed("ops")
    public RigView.Items deployRigs(@NotNull @Valid Deployment body) {
        String org = tenant.org();
        List<Long> ids = lifecycle.deploy(org, tenant.actor(), body.placements(), body.reason(),
                Boolean.TRUE.equals(body.capacityOverride()));
        return new RigView.Items(reads.all(org, ids));
    }

    @PUT
    @Path("/{id}/mac")
    @RolesAllowed("ops")
    public RigView setRigMac(@PathParam("id") String id, @NotNull @Valid MacChange body) {
        String org = tenant.org();
        long number = AssetIds.parse(id, "id");
        lifecycle.setMac(org, tenant.actor(), number, body.mac(), body.reason());
        return reads.find(org, number).orElseThrow();
    }

    @PUT
    @Path("/{id}/landed-cost")
    @RolesAllowed({"service", "finance"})
    public RigView setRigLandedCost(@PathParam("id") String id, @NotNull @Valid LandedCostChange body) {
        long number = AssetIds.parse(id, "id");
        String org = tenant.orgNamedOr(body.organisation(), "organisation");
        lifecycle.setLandedCost(org, tenant.actor(), number, body.landedCost(), body.reason());
        return reads.find(org, number).orElseThrow();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"operator", "finance", "ops"})
    public RigEventView.Page getRigHistory(@PathParam("id") String id, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        String org = tenant.org();
        long number = AssetIds.parse(id, "id");
        int size = paging.limit(limit);
        CursorScope scope = CursorScope.of(org, "rig-history", number);
        CursorKey after = paging.after(cursor, 1, scope);
        Long position = after == null ? null : after.number(0);
        History.Slice slice = history.page(org, number, position, size);
        return new RigEventView.Page(slice.items(),
                slice.more() ? paging.cursor(scope, Long.toString(slice.lastPosition())) : null);
    }
}
