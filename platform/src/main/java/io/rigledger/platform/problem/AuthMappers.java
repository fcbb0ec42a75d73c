package io.rigledger.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/**
 * 401 and 403 as problem+json. A 401 follows RFC 6750: {@code WWW-Authenticate: Bearer} alone when
 * no bearer token came, {@code error="invalid_token"} with an {@code error_description} naming the
 * reason ({@link TokenRefusals}) when one came and was refused. Needs
 * {@code quarkus.http.auth.proactive=false}, so that authentication failures reach the REST layer.
 */
public class AuthMappers {

    private static final Logger LOG = Logger.getLogger(AuthMappers.class);
    private static final String BEARER = "bearer ";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public RestResponse<Problem> unauthenticated(Exception e, UriInfo uri, HttpHeaders headers) {
        String bearer = bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        String reason = bearer == null ? null : TokenRefusals.reason(e, bearer, trustedIssuer());
        if (reason != null) {
            LOG.debugf(e, "refused a bearer token on %s: %s", uri.getPath(), reason);
        }
        return ProblemMappers.respond(Problems.unauthorized(reason), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.respond(Problems.forbidden("your roles do not allow this operation"), uri);
    }

    /**
     * The issuer this service accepts: quarkus.oidc.token.issuer (OIDC_ISSUER; the launcher and the
     * Kubernetes ConfigMaps set it). Null when it is not set or any issuer is accepted: then no
     * refusal is blamed on the issuer (the discovery document's issuer cannot be asked for here,
     * because that would authenticate the failed request again).
     */
    static String trustedIssuer() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.token.issuer", String.class)
                .filter(s -> !s.isBlank() && !"any".equals(s))
                .orElse(null);
    }

    /** The token after "Bearer " (any case), or null when the request carries no bearer token. */
    static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
