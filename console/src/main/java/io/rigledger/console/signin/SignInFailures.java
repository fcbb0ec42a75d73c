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

import java.util.Set;
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
 * <li>likewise a signed-in person whose expired tokens could not be refreshed ({@link AuthenticationFailedException}:
 *     the refresh request failed, e.g. no answer within {@link KeycloakTimeout}'s bound; quarkus-oidc passes on
 *     the cause of the request's failure, which for a timeout is none, so the failure does not say why): 503 when
 *     {@link KeycloakCheck} then finds Keycloak silent too (about twice the 2 s bound in all), the session cookie
 *     kept (quarkus-oidc does not remove it on this path), so the next request once Keycloak is back refreshes the
 *     tokens; else sent to sign in again;</li>
 * <li>a person coming back from Keycloak with a code that cannot be exchanged ({@link AuthenticationCompletionException}:
 *     the token, discovery or key request failed): 503 when Keycloak does not answer, else 401 "sign-in not completed"
 *     with a link to sign in again (a code used twice, a state that does not match); the same exception for a
 *     session quarkus-oidc cannot read (one of its cookies missing or altered, no code flow under way) is sent to sign
 *     in like a forged cookie;</li>
 * <li>quarkus-oidc unable to reach its tenant at all ({@link OIDCException}, e.g. Keycloak down since the console
 *     started): 503.</li>
 * </ul>
 * These mappers apply because proactive authentication is off (quarkus.http.auth.proactive=false): authentication
 * failures then reach the REST layer's exception mappers (Quarkus security customization guide).
 */
public class SignInFailures {

    /** The sentence of the 503 page. */
    public static final String KEYCLOAK_DOWN = "The sign-in service (Keycloak) is not reachable; try again in a minute.";
    /** quarkus-oidc's session cookie name (and the prefix of its parts: _at, _rt, _chunk_N). */
    static final String SESSION_COOKIE = "q_session";
    /** quarkus-oidc's state cookie of a code flow under way (q_auth, with a suffix per flow: q_auth_&lt;uuid&gt;). */
    static final String STATE_COOKIE = "q_auth";
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
        RoutingContext rc = request.getCurrent();
        if (rc != null && brokenSession(rc)) {
            LOG.debugf("a session that cannot be read (a cookie missing or altered): sent to sign in: %s", e.getMessage());
            return keycloak.reachable().flatMap(up -> up ? challenge(rc, e) : Uni.createFrom().item(unavailable(e)));
        }
        // a sign-in that failed after Keycloak was asked (a code exchange): ask again now, not the kept answer, which may
        // still say "up" for a few seconds after Keycloak died (only a return with a state cookie gets here, no flood)
        return keycloak.reachableNow().map(up -> up ? refused(e) : unavailable(e));
    }

    /**
     * True when the request carries a session cookie ({@value #SESSION_COOKIE}*) but is not a return from Keycloak in a
     * code flow under way: quarkus-oidc then failed to read the session itself, e.g. one of the cookies it is split into
     * (ID, access and refresh token; chunks of a long one) is missing or altered, and answers that as a sign-in not
     * completed; it has removed the session cookies by then. Like a forged cookie, such a session leads to the sign-in page.
     * A return from Keycloak has both the {@code state} parameter (RFC 6749 section 4.1.2) and the state cookie
     * quarkus-oidc set when it sent the browser there for that very state: {@value #STATE_COOKIE}_&lt;state&gt; (one cookie
     * per flow, quarkus-oidc's default allow-multiple-code-flows; plain {@value #STATE_COOKIE} when that is off), removed
     * once the code is exchanged. A {@code state} parameter alone (a bookmark, a pasted address), or with the state
     * cookie of another flow (a sign-in abandoned in another tab), is no code flow (R-13b D8, R-13c D1).
     */
    static boolean brokenSession(RoutingContext rc) {
        Set<String> cookies = rc.request().cookieMap().keySet();
        String state = rc.request().getParam("state");
        boolean codeFlowUnderWay = state != null
                && (cookies.contains(STATE_COOKIE) || cookies.contains(STATE_COOKIE + "_" + state));
        return !codeFlowUnderWay && cookies.stream().anyMatch(name -> name.startsWith(SESSION_COOKIE));
    }

    @ServerExceptionMapper
    public Uni<Response> noTenant(OIDCException e) {
        return keycloak.reachableNow().map(up -> up ? failed(e) : unavailable(e));
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
