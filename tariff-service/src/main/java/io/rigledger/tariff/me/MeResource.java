package io.rigledger.tariff.me;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The caller as the token names it; {@code org} absent for admins and service accounts. */
    public record MeView(String userName, String org, List<String> roles) {
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public MeView me() {
        Object org = token.getClaim("org");
        String name = token.getName() == null ? token.getSubject() : token.getName();
        return new MeView(name, org instanceof JsonString json ? json.getString() : org instanceof String s ? s : null,
                identity.getRoles().stream().sorted().toList());
    }
}
