package io.rigledger.console.signin;

import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * Every way signing in through Keycloak can fail in a browser, as a page of the console's layout (text/html,
 * no stack trace, a correlation id the log line carries) instead of quarkus-oidc's bare answers (a redirect to
 * a Keycloak that is down, whose login page then never loads; 401 with no body):
 * <ul>
 * <li>a person who is not signed in, or whose session can no longer be used (quarkus-oidc's
 *     {@link UnauthorizedException} / {@link AuthenticationFailedException}): sent to Keycloak's login page as
 *     quarkus-oidc does (its own challenge: the PKCE state cookie and the 302), but only once {@link KeycloakCheck}
 *     saw Keycloak answer; otherwise 503;</li>
 * <li>a person coming back from Keycloak with a code that cannot be exchanged ({@link AuthenticationCompletionException}:
 *     the token, discovery or key request failed): 503 when Keycloak does not answer, else 401 "sign-in not completed"
 *     with a link to sign in again (a code used twice, a state that does not match);</li>
 * <li>quarkus-oidc unable to reach its tenant at all ({@link OIDCException}, e.g. Keycloak down since the console
 *     started): 503.</li>
 * </ul>
 * These mappers apply because proactive authentication is off (quarkus.http.auth.proactive=false): authentication
 * failures then reach the REST layer's exception mappers (Quarkus security customization guide).
 */
public class SignInFailures {

    /** The sentence of the 503 page. */
    public static final String KEYCLOAK_DOWN = "The sign-in service (Keycloak) is not reachable; try again in a minute.";
    private static final Logger LOG = Logger.getLogger(SignInFailures.class);
    private static final int RETRY_AFTER_SECONDS = 60;

    @Inject
    KeycloakCheck keycloak;

    @Inject
    CurrentVertxRequest request;

    @Inject
    @Location("signin-problem.html")
    Template page;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> signIn(RuntimeException e) {
        RoutingContext rc = request.getCurrent();
        return keycloak.reachable().flatMap(up -> up ? challenge(rc, e) : Uni.createFrom().item(unavailable(e)));
    }

    @ServerExceptionMapper
    public Uni<Response> notCompleted(AuthenticationCompletionException e) {
        return keycloak.reachable().map(up -> up ? refused(e) : unavailable(e));
    }

    @ServerExceptionMapper
    public Uni<Response> noTenant(OIDCException e) {
        return keycloak.reachable().map(up -> up ? failed(e) : unavailable(e));
    }

    /** quarkus-oidc's own challenge (what its exception mapper would answer): 302 to Keycloak with the state cookie set. */
    private Uni<Response> challenge(RoutingContext rc, RuntimeException e) {
        HttpAuthenticator authenticator = rc == null ? null : rc.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(failed(e));
        }
        return authenticator.getChallenge(rc).map(SignInFailures::asResponse)
                .onFailure().recoverWithItem(this::unavailable);
    }

    private static Response asResponse(ChallengeData challenge) {
        if (challenge == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Response.ResponseBuilder answer = Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
        return answer.build();
    }

    /** 503: Keycloak does not answer. */
    private Response unavailable(Throwable cause) {
        return signInPage(cause, "Keycloak is not reachable", Response.Status.SERVICE_UNAVAILABLE, KEYCLOAK_DOWN)
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** 401: Keycloak answers, yet this sign-in could not be completed (a code used twice, a stale state). */
    private Response refused(Throwable cause) {
        return signInPage(cause, "sign-in not completed", Response.Status.UNAUTHORIZED,
                "The sign-in could not be completed; please sign in again.").build();
    }

    /** 503: quarkus-oidc failed while Keycloak answers (its configuration, a key it cannot read). */
    private Response failed(Throwable cause) {
        return signInPage(cause, "sign-in failed", Response.Status.SERVICE_UNAVAILABLE,
                "Signing in is not possible right now; try again in a minute.").build();
    }

    /**
     * The sign-in problem page (text/html, signed out) with {@code status}, its title (401: "Sign-in not
     * completed", else "Sign-in unavailable"), {@code sentence} and the correlation id of the warning logged
     * for {@code cause}.
     */
    private Response.ResponseBuilder signInPage(Throwable cause, String logged, Response.Status status, String sentence) {
        String id = logged(cause, logged);
        String title = status == Response.Status.UNAUTHORIZED ? "Sign-in not completed" : "Sign-in unavailable";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.data("signedOut", true).data("status", status.getStatusCode()).data("title", title)
                        .data("sentence", sentence).data("correlationId", id));
    }

    private static String logged(Throwable cause, String what) {
        String id = UUID.randomUUID().toString();
        LOG.warnf(cause, "%s, correlation id %s", what, id);
        return id;
    }
}
