package io.rigledger.tariff.entry;

import io.rigledger.platform.caller.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/deadlines?within=30d&limit=&cursor=: the open deadlines of the organisation's entries
 * falling due from today (UTC) to {@code within} days ahead, soonest first, one page at a time
 * ({@link DeadlineService}). Roles: finance, operator, admin.
 */
@Path("/api/deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    @Inject
    Caller caller;

    @Inject
    DeadlineService deadlines;

    @GET
    @RolesAllowed({"finance", "operator", "admin"})
    public DeadlineService.DueList list(@QueryParam("within") String within, @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        return deadlines.list(caller.org(), within, limit, cursor);
    }
}
