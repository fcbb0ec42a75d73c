package io.rigledger.tariff.refund;

import io.rigledger.platform.caller.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GET /api/ieepa-refunds?limit=&cursor= (the organisation's IEEPA refunds, a page at a time, {@link IeepaRefunds}) and GET
 * /api/ieepa-refunds/cape-files (the eligible entry numbers as CAPE CSV files, at most 9,999 rows
 * each, in one zip: {@link CapeFiles}). Roles: finance, admin of the organisation.
 */
@Path("/api/ieepa-refunds")
public class IeepaRefundResource {

    @Inject
    Caller caller;

    @Inject
    IeepaRefunds refunds;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finance", "admin"})
    public IeepaRefundView list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return refunds.list(caller.org(), limit, cursor);
    }

    @GET
    @Path("/cape-files")
    @Produces("application/zip")
    @RolesAllowed({"finance", "admin"})
    public Response capeFiles() {
        List<String> numbers = refunds.capeEntryNumbers(caller.org());
        StreamingOutput body = out -> CapeFiles.zip(numbers, CapeFiles.MAX_ROWS, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"cape-" + LocalDate.now(ZoneOffset.UTC) + ".zip\"")
                .header("X-Cape-Files", CapeFiles.files(numbers.size(), CapeFiles.MAX_ROWS))
                .header("X-Cape-Entries", numbers.size()).build();
    }
}
