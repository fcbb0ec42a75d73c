package io.rigledger.inventory.model;

import io.rigledger.inventory.Formats;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The rig model catalogue: shared by all organisations, readable by every role, written by admins. */
@Path("/api/rig-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", "finance", "ops", "admin", "service"})
public class RigModelResource {

    @Inject
    RigModelCatalogue catalogue;

    @Inject
    Paging paging;

    /** What this list's cursors are bound to (a cursor of another list is 400); the catalogue is every organisation's. */
    private static final CursorScope SCOPE = CursorScope.global("rig-models");

    /** Models by code; the cursor is the last code of the previous page. */
    @GET
    public Page<RigModelView> listRigModels(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = paging.limit(limit);
        CursorKey after = paging.after(cursor, 1, SCOPE);
        List<RigModel> rows = catalogue.page(after == null ? null : after.text(0), size + 1);
        return paging.page(rows, size, SCOPE, m -> new String[] {m.code}, RigModelView::of);
    }

    @GET
    @Path("/{code}")
    public RigModelView getRigModel(@PathParam("code") @Size(max = Formats.MODEL_CODE_MAX)
            @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE) String code) {
        return catalogue.find(code).map(RigModelView::of).orElseThrow(() -> Problems.notFound("rig model", code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public RigModelView putRigModel(@PathParam("code") @Size(max = Formats.MODEL_CODE_MAX)
            @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE) String code,
            @NotNull @Valid RigModelChange body) {
        return RigModelView.of(catalogue.put(code, body));
    }
}
