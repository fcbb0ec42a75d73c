package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** How the adapters classify what a neighbour answered. */
final class Upstreams {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private Upstreams() {
    }

    static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    /** A problem+json answer: the neighbour itself spoke (not a proxy or a wrong base URL). */
    static boolean isProblem(WebApplicationException e) {
        Response r = e.getResponse();
        return r != null && r.getMediaType() != null && PROBLEM_JSON.isCompatible(r.getMediaType());
    }

    /**
     * Unreachable, timed out, 5xx, or it refused our token (401/403: a deployment mistake, not the
     * caller's): all the same to the caller, 503. Logged here with the cause, which the
     * problem+json answer never shows.
     */
    static UpstreamUnavailableException unavailable(String service, String operation, Throwable cause) {
        if (cause instanceof WebApplicationException web) {
            int status = status(web);
            if (status == 401 || status == 403) {
                LOG.errorf("%s refused our client-credentials token on %s (HTTP %d): check client %s's roles",
                        service, operation, status, "procurement-service");
            } else {
                LOG.warnf("%s failed on %s: HTTP %d", service, operation, status);
            }
        } else {
            LOG.warnf("%s could not be reached on %s: %s", service, operation, cause);
            LOG.debug("cause", cause);
        }
        return new UpstreamUnavailableException(service);
    }
}
