package io.rigledger.console.signin;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Sign out, a POST ({@code POST /logout}, the header's Sign out button), so that a link or an image on another site
 * cannot sign anyone out: the session cookie is SameSite=Lax, so a cross-site POST arrives without it (not signed in:
 * sent to sign in, nothing ended), as for the reconciliation's reason form. {@code GET /logout} answers a page with the
 * button. While Keycloak answers ({@link KeycloakCheck}), the browser goes on with 307 (the method kept: a POST) to
 * quarkus-oidc's RP-initiated logout ({@value #KEYCLOAK_LOGOUT}, {@code quarkus.oidc.logout.path}: the console's session
 * cookies removed, then Keycloak's end-session endpoint with the ID token as hint, OpenID Connect RP-Initiated Logout
 * 1.0, and back home); a GET of {@value #KEYCLOAK_LOGOUT} is refused with 405 ({@link PostOnlyLogout}). While Keycloak does not answer, sending the browser there would leave it
 * on an error page of its own with the console's session still open; instead the console's own session ends here
 * ({@link OidcSession#logout()}: quarkus-oidc's local logout, its session cookies removed) and a page of the console's
 * layout (200, text/html) says so, that Keycloak's session may still be open, and offers to sign in again.
 */
@Path("/logout")
@Authenticated
public class SignOut {

    /** Where quarkus-oidc ends the Keycloak session too (quarkus.oidc.logout.path); POST only. */
    public static final String KEYCLOAK_LOGOUT = "/logout/keycloak";
    /** The sentence of the page shown when Keycloak could not be reached. */
    public static final String LOCAL_ONLY = "You are signed out of the console. The sign-in service (Keycloak) could not be "
            + "reached, so your Keycloak session may still be open: on a shared computer, close the browser.";
    private static final Logger LOG = Logger.getLogger(SignOut.class);

    @Inject
    KeycloakCheck keycloak;

    @Inject
    OidcSession session;

    @Inject
    @Location("signed-out.html")
    Template page;

    @Inject
    @Location("sign-out.html")
    Template confirm;

    /** The page with the Sign out button (200, text/html): a GET ends nothing. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance askToSignOut() {
        return confirm.instance();
    }

    /** 307 to {@value #KEYCLOAK_LOGOUT} while Keycloak answers; else the console's session ended and the page above. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signOut() {
        return keycloak.reachableNow().flatMap(up -> up
                ? Uni.createFrom().item(Response.status(Response.Status.TEMPORARY_REDIRECT).header("Location", KEYCLOAK_LOGOUT).build())
                : session.logout().map(done -> {
                    LOG.warn("sign-out while Keycloak is not reachable: the console's session ended, Keycloak's may still be open");
                    return Response.ok(page.data("signedOut", true).data("sentence", LOCAL_ONLY), MediaType.TEXT_HTML_TYPE)
                            .header("Cache-Control", "no-store").build();
                }));
    }
}
