package io.rigledger.tariff.fee;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.fee.FeeViews.FeeRateChange;
import io.rigledger.tariff.fee.FeeViews.FeeRateSupersession;
import io.rigledger.tariff.fee.FeeViews.FeeRateView;
import io.rigledger.tariff.fee.FeeViews.FeeScheduleView;
import io.rigledger.tariff.fee.FeeViews.MpfYearChange;
import io.rigledger.tariff.fee.FeeViews.MpfYearView;
import io.rigledger.tariff.schedule.FeeRateRow;
import io.rigledger.tariff.schedule.MpfYearRow;
import io.rigledger.tariff.schedule.ScheduleChange;
import io.rigledger.tariff.schedule.ScheduleHistory;
import io.rigledger.tariff.schedule.ScheduleSnapshots;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Fees as data: MPF and HMF rates by date and the MPF limits per fiscal year. Everyone with a
 * role reads (operator, finance, ops, admin, service); only admin changes ({@link FeeAdmin}).
 */
@Path("/api/fees")
@Produces(MediaType.APPLICATION_JSON)
public class FeeResource {

    @Inject
    FeeAdmin admin;

    @Inject
    ScheduleHistory history;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    SecurityIdentity caller;

    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public FeeScheduleView list() {
        return new FeeScheduleView(
                FeeRateRow.<FeeRateRow>listAll(Sort.by("id")).stream().map(FeeRateView::of).toList(),
                MpfYearRow.<MpfYearRow>listAll(Sort.by("fiscalYear")).stream().map(MpfYearView::of).toList());
    }

    @POST
    @Path("/rates")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createRate(@NotNull @Valid FeeRateChange body, UriInfo uri) {
        FeeRateView created = admin.create(body, caller.getPrincipal().getName());
        snapshots.refresh();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("/rates/{id}/supersede")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response supersedeRate(@PathParam("id") String idText, @NotNull @Valid FeeRateChange body) {
        long id = Params.id("id", idText);
        FeeRateSupersession done = admin.supersede(id, body, caller.getPrincipal().getName());
        snapshots.refresh();
        return Response.status(201).entity(done).build();
    }

    @PUT
    @Path("/rates/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeeRateView correctRate(@PathParam("id") String idText, @NotNull @Valid FeeRateChange body) {
        long id = Params.id("id", idText);
        FeeRateView corrected = admin.correct(id, body, caller.getPrincipal().getName());
        snapshots.refresh();
        return corrected;
    }

    @GET
    @Path("/rates/{id}/history")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public ScheduleHistory.HistoryPage rateHistory(@PathParam("id") String idText) {
        long id = Params.id("id", idText);
        if (FeeRateRow.findByIdOptional(id).isEmpty()) {
            throw Problems.notFound("fee rate", id);
        }
        return history.of(ScheduleChange.Subject.FEE_RATE, id);
    }

    @PUT
    @Path("/mpf-years/{fiscalYear}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public MpfYearView setMpfYear(@PathParam("fiscalYear") String fiscalYearText,
                                  @NotNull @Valid MpfYearChange body) {
        int fiscalYear = (int) Params.whole("fiscalYear", fiscalYearText, 2000, 2100);
        MpfYearView set = admin.setMpfYear(fiscalYear, body, caller.getPrincipal().getName());
        snapshots.refresh();
        return set;
    }

    @GET
    @Path("/mpf-years/{fiscalYear}/history")
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public ScheduleHistory.HistoryPage mpfYearHistory(@PathParam("fiscalYear") String fiscalYearText) {
        int fiscalYear = (int) Params.whole("fiscalYear", fiscalYearText, 2000, 2100);
        if (MpfYearRow.findByIdOptional(fiscalYear).isEmpty()) {
            throw Problems.notFound("MPF fiscal year", fiscalYear);
        }
        return history.of(ScheduleChange.Subject.MPF_YEAR, fiscalYear);
    }
}
