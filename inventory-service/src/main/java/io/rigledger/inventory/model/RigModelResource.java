package io.rigledger.inventory.model;

import io.rigledger.inventory.common.Formats;
import io.rigledger.inventory.common.PageCursor;
import io.rigledger.inventory.common.Problems;
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

    @GET
    public RigModelView.Page listRigModels(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = PageCursor.limit(limit);
        List<String> after = PageCursor.unpack(cursor, 1);
        List<RigModel> rows = catalogue.page(after == null ? null : after.get(0), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = PageCursor.pack(rows.get(size - 1).code);
        }
        return new RigModelView.Page(rows.stream().map(RigModelView::of).toList(), next);
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
