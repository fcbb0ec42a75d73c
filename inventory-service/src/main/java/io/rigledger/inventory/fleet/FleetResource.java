package io.rigledger.inventory.fleet;

import io.rigledger.inventory.access.Tenant;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/** Fleet summaries of the caller's organisation. */
@Path("/api/fleet")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

    @Inject
    SummaryAnswers summaries;

    @Inject
    Tenant tenant;

    /**
     * groupBy: comma-separated dimensions (site, status, manufacturer, model, originCountry), each at most
     * once. Answers schema FleetSummary as JSON bytes, cached until the fleet or the catalogue changes
     * ({@link SummaryAnswers}).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming groupBy for an unknown or repeated dimension
     */
    @GET
    @Path("/summary")
    @RolesAllowed({"operator", "finance", "ops"})
    public Response getFleetSummary(@QueryParam("groupBy") String groupBy) {
        List<Dimension> dims = dimensions(groupBy);
        return Response.ok(summaries.json(tenant.org(), dims), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static List<Dimension> dimensions(String groupBy) {
        List<Dimension> dims = new ArrayList<>();
        if (groupBy == null || groupBy.isEmpty()) {
            return dims;
        }
        for (String name : groupBy.split(",", -1)) {
            Dimension d = Dimension.byApiName(name).orElseThrow(() -> Problems.badRequest("groupBy",
                    "must list site, status, manufacturer, model or originCountry, comma-separated; got " + name));
            if (dims.contains(d)) {
                throw Problems.badRequest("groupBy", "names " + name + " twice");
            }
            dims.add(d);
        }
        return dims;
    }
}
