package io.rigledger.tariff.schedule;

import io.rigledger.tariff.common.PageCursor;
import io.rigledger.tariff.common.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Reads the duty schedule: measures paged by id (filters: an HTS code the prefix matches, an
 * origin), one measure, and its history. Roles: operator, finance, ops, admin, service.
 */
@Path("/api/duty-rates")
@Produces(MediaType.APPLICATION_JSON)
public class RateResource {


    @Inject
    EntityManager em;

    @Inject
    ScheduleHistory history;

    public record DutyMeasurePage(List<DutyMeasureView> items, String nextCursor) {
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public DutyMeasurePage list(@QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor,
                                @QueryParam("htsCode") @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                                        message = "must be a dotted HTS code such as 8543.70.9860") String htsCode,
                                @QueryParam("originCountry") @Pattern(regexp = "^[A-Z]{2}$",
                                        message = "must be an ISO 3166-1 alpha-2 code") String originCountry) {
        int size = PageCursor.limit(limit);
        @SuppressWarnings("unchecked")
        List<DutyMeasure> rows = em.createNativeQuery("""
                        select * from duty_measure
                        where id > :after
                          and (cast(:hts as varchar) is null or cast(:hts as varchar) like hts_prefix || '%')
                          and (cast(:origin as varchar) is null or cardinality(origin_countries) = 0
                               or cast(:origin as varchar) = any(origin_countries))
                        order by id limit :limit""", DutyMeasure.class)
                .setParameter("after", PageCursor.after(cursor))
                .setParameter("hts", htsCode)
                .setParameter("origin", originCountry)
                .setParameter("limit", size + 1)
                .getResultList();
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = PageCursor.encode(rows.get(size - 1).id);
        }
        return new DutyMeasurePage(rows.stream().map(DutyMeasureView::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public DutyMeasureView get(@PathParam("id") long id) {
        return DutyMeasure.<DutyMeasure>findByIdOptional(id).map(DutyMeasureView::of)
                .orElseThrow(() -> Problems.notFound("duty rate", id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public ScheduleHistory.HistoryPage history(@PathParam("id") long id) {
        if (DutyMeasure.findByIdOptional(id).isEmpty()) {
            throw Problems.notFound("duty rate", id);
        }
        return history.of(ScheduleChange.Subject.MEASURE, id);
    }
}
