package io.rigledger.console.home;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The home page: who is signed in, and one card per page the person's roles open (finance:
 * reconciliation, deadlines, IEEPA refunds; ops: fleet, rig lookup, racks; operator: orders).
 * Reaching it signs the person in first (authorization code flow through Keycloak).
 */
@Path("/")
@Authenticated
public class HomeResource {

    @Inject
    @Location("home/home.html")
    Template homePage;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return homePage.instance();
    }
}
