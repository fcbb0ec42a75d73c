package io.rigledger.tariff.me;

import io.rigledger.platform.caller.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * GET /api/me: who the token says the caller is (user name, organisation, roles), for clients
 * checking their token; also the trivial authenticated endpoint the HTTP benchmark compares quoting
 * against. Roles: operator, finance, ops, admin, service.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    /** The caller as the token names it; {@code org} absent for admins and service accounts. */
    public record MeView(String userName, String org, List<String> roles) {
    }

    /** @throws io.rigledger.platform.problem.ProblemException 403 when the token's organisation breaks the realm's rule */
    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public MeView me() {
        return new MeView(caller.userName(), caller.organisation().orElse(null), caller.roles().stream().sorted().toList());
    }
}
