package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.access.Tenant;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Changed;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Reason;
import io.rigledger.inventory.place.PlaceViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A whole site to maintenance: every DEPLOYED rig of it becomes MAINTENANCE, each with its event. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteMaintenanceResource {

    @Inject
    LifecycleService lifecycle;

    @Inject
    Tenant tenant;

    @POST
    @Path("/{site}/maintenance")
    @RolesAllowed("ops")
    public Changed putSiteIntoMaintenance(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site,
            @NotNull @Valid Reason body) {
        return new Changed(lifecycle.siteIntoMaintenance(tenant.org(), tenant.actor(), site, body.reason()));
    }
}
