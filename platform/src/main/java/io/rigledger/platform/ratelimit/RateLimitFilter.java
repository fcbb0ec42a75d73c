package io.rigledger.platform.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.problem.Problems;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits every request under /api per caller, and reports the caller's quota on every /api
 * response: {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds),
 * as contracts/platform.yaml declares them. A request over the quota is 429 problem+json with
 * {@code Retry-After} (seconds) and goes no further. /q/* (health, metrics, the OpenAPI document) is
 * not limited.
 *
 * <p>The caller is the verified token's subject; a request without a token, or with one that fails
 * verification, is counted against its client address (which is what Vert.x reports, so the
 * X-Forwarded-For of a trusted proxy when quarkus.http.proxy.* says so). The filter runs before
 * resource matching and before the role checks, so refused and unauthenticated requests count too;
 * with proactive authentication off it resolves the identity itself (asynchronously, once per
 * request: the security checks after it reuse the same result).
 */
public class RateLimitFilter {

    /** The response headers, as contracts/platform.yaml names them. */
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private static final String QUOTA = Quota.class.getName();

    @Inject
    CallerQuotas quotas;

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Takes one request from the caller's quota. Pre-matching, so it always runs on the event loop; it says
     * {@code nonBlocking} because RESTEasy Reactive refuses a non-blocking filter ({@link
     * io.rigledger.platform.json.StrictUtf8Body}) placed after one that is not, counting pre-matching ones first.
     *
     * @throws io.rigledger.platform.problem.ProblemException (as the Uni's failure) 429 with Retry-After
     *                                                        when the quota is used up
     */
    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Void> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!quotas.enabled() || !isApi(http.path())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(identity -> {
                    Quota quota = quotas.take(callerKey(identity, http.remoteAddress()));
                    request.setProperty(QUOTA, quota);
                    if (!quota.allowed()) {
                        throw Problems.rateLimited(quota.limit(), quotas.period(), quota.retryAfterSeconds());
                    }
                    return null;
                });
    }

    /** The caller's quota on every /api answer, 429 and the mapped errors included. */
    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(QUOTA) instanceof Quota quota) {
            response.getHeaders().putSingle(LIMIT, quota.limit());
            response.getHeaders().putSingle(REMAINING, quota.remaining());
            response.getHeaders().putSingle(RESET, quota.resetSeconds());
        }
    }

    /** /api and everything under it; not /q/*, not /apis. */
    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /**
     * {@code sub:<subject>} for a verified token that has one, else {@code ip:<client address>}.
     * The prefixes keep a subject that looks like an address from sharing an address's quota.
     */
    static String callerKey(SecurityIdentity identity, SocketAddress client) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject();
            if (subject != null && !subject.isBlank()) {
                return "sub:" + subject;
            }
        }
        String address = client == null ? null : client.hostAddress() != null ? client.hostAddress() : client.host();
        return "ip:" + (address == null ? "unknown" : address);
    }
}
