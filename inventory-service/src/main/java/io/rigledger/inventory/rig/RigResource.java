package io.rigledger.inventory.rig;

import io.rigledger.inventory.common.Caller;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The rigs of the caller's organisation; the organisation comes from the token, never from the request. */
@Path("/api/rigs")
@Produces(MediaType.APPLICATION_JSON)
public class RigResource {

    @Inject
    RigService rigs;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"operator", "ops"})
    public RestResponse<RigList> registerRigs(@NotNull @Valid RigRegistration body) {
        List<Rig> registered = rigs.register(caller.org(), caller.name(), body.rigs());
        return RestResponse.status(RestResponse.Status.CREATED,
                new RigList(registered.stream().map(RigView::of).toList()));
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public RigPage listRigs(@QueryParam("limit") Integer limit,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("model") @Size(max = Formats.MODEL_CODE_MAX)
                            @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE) String model,
                            @QueryParam("originCountry")
                            @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) String originCountry) {
        String org = caller.org();
        int size = PageCursor.limit(limit);
        List<Rig> rows = rigs.page(org, position(cursor), size + 1, model, originCountry);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Rig last = rows.get(size - 1);
            next = PageCursor.pack(last.registeredAt.toString(), last.id.toString());
        }
        return new RigPage(rows.stream().map(RigView::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops"})
    public RigView getRig(@PathParam("id") String id) {
        String org = caller.org();
        UUID rigId = uuid(id);
        // another organisation's rig is answered exactly like one that does not exist
        return rigs.find(org, rigId).map(RigView::of).orElseThrow(() -> Problems.notFound("rig", rigId));
    }

    /** Taken as a string so that a malformed id is a 400 naming it, not the 404 JAX-RS would give. */
    private static UUID uuid(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (!parsed.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException(id);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("id", "must be a UUID");
        }
    }

    private static RigService.Position position(String cursor) {
        List<String> parts = PageCursor.unpack(cursor, 2);
        if (parts == null) {
            return null;
        }
        try {
            return new RigService.Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw PageCursor.invalid();
        }
    }
}
