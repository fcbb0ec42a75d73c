package io.rigledger.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of the console is kept out of the browser's cache and out of other sites' frames, one filter for all pages
 * (the signed-in ones show finance figures that must not stay in a shared computer's cache or history after sign-out):
 * <ul>
 * <li>{@code Cache-Control: no-store} (RFC 9111 section 5.2.2.5), unless the answer set its own: the static files
 *     ({@code console.css}, {@code console.js}, Chart.js under {@code /webjars/}) keep the static handler's caching;</li>
 * <li>{@code Content-Security-Policy: frame-ancestors 'none'} (CSP Level 2) and {@code X-Frame-Options: DENY}
 *     (RFC 7034, for browsers without CSP): no page can be framed (clickjacking).</li>
 * </ul>
 * Set when the headers are written, so pages, redirects and error pages all carry them.
 */
@ApplicationScoped
public class PageHeaders {

    /** The policy sent with every answer. */
    public static final String FRAME_POLICY = "frame-ancestors 'none'";
    private static final int PRIORITY = 40_000; // before every other filter, so its own answers (413, 414, 405) carry them too

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
                headers.set("Content-Security-Policy", FRAME_POLICY);
                headers.set("X-Frame-Options", "DENY");
            });
            rc.next();
        }, PRIORITY);
    }
}
