package io.rigledger.tariff.schedule;

import io.rigledger.platform.validation.CountryCode;
import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * The duty schedule: measures paged by id (filters: an HTS code the prefix matches, an origin),
 * one measure, its history (roles operator, finance, ops, admin, service), and the admin's
 * create, supersede and correct (role admin; {@link ScheduleAdmin} holds the rules). After a
 * change this replica reloads its snapshot at once; the others within the poll interval.
 */
@Path("/api/duty-rates")
@Produces(MediaType.APPLICATION_JSON)
public class RateResource {


    @Inject
    EntityManager em;

    @Inject
    ScheduleHistory history;

    @Inject
    ScheduleAdmin admin;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    SecurityIdentity caller;

    @Inject
    Paging paging;

    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public Page<DutyMeasureView> list(@QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor,
                                @QueryParam("htsCode") @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                                        message = "must be a dotted HTS code such as 8543.70.9860") String htsCode,
                                @QueryParam("originCountry") @CountryCode @Pattern(regexp = "^[A-Z]{2}$",
                                        message = "must be an ISO 3166-1 alpha-2 code") String originCountry) {
        int size = paging.limit(limit);
        // the schedule is the same for every organisation: the cursor is bound to the list and its filter only
        CursorScope scope = CursorScope.global("duty-rates", htsCode, originCountry);
        CursorKey after = paging.after(cursor, 1, scope);
        @SuppressWarnings("unchecked")
        List<DutyMeasure> rows = em.createNativeQuery("""
                        select * from duty_measure
                        where id > :after
                          and (cast(:hts as varchar) is null or cast(:hts as varchar) like hts_prefix || '%')
                          and (cast(:origin as varchar) is null or cardinality(origin_countries) = 0
                               or cast(:origin as varchar) = any(origin_countries))
                        order by id limit :limit""", DutyMeasure.class)
                .setParameter("after", after == null ? 0L : after.number(0))
                .setParameter("hts", htsCode)
                .setParameter("origin", originCountry)
                .setParameter("limit", size + 1)
                .getResultList();
        return paging.page(rows, size, scope, r -> new String[] {Long.toString(r.id)}, DutyMeasureView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public DutyMeasureView get(@PathParam("id") String idText) {
        long id = Params.id("id", idText);
        return DutyMeasure.<DutyMeasure>findByIdOptional(id).map(DutyMeasureView::of)
                .orElseThrow(() -> Problems.notFound("duty rate", id));
    }

    /** Creates a measure (admin). 201; 409 when it overlaps one of the same program, a nested or equal prefix and a common origin. */
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid MeasureChange body, UriInfo uri) {
        DutyMeasureView created = admin.create(body, caller.getPrincipal().getName());
        snapshots.refresh();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    /** Closes measure {id} on the body's effectiveFrom and opens the body as its successor (admin). */
    @POST
    @Path("/{id}/supersede")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response supersede(@PathParam("id") String idText, @NotNull @Valid MeasureChange body, UriInfo uri) {
        long id = Params.id("id", idText);
        ScheduleAdmin.Supersession done = admin.supersede(id, body, caller.getPrincipal().getName());
        snapshots.refresh();
        return Response.created(uri.getBaseUriBuilder().path("api/duty-rates").path(String.valueOf(done.successor().id()))
                .build()).entity(done).build();
    }

    /** Corrects every field of measure {id} (admin); the body's version must be the current one. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public DutyMeasureView correct(@PathParam("id") String idText, @NotNull @Valid MeasureChange body) {
        long id = Params.id("id", idText);
        DutyMeasureView corrected = admin.correct(id, body, caller.getPrincipal().getName());
        snapshots.refresh();
        return corrected;
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public ScheduleHistory.HistoryPage history(@PathParam("id") String idText) {
        long id = Params.id("id", idText);
        if (DutyMeasure.findByIdOptional(id).isEmpty()) {
            throw Problems.notFound("duty rate", id);
        }
        return history.of(ScheduleChange.Subject.MEASURE, id);
    }
}
