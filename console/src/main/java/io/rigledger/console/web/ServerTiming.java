package io.rigledger.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.rigledger.console.upstream.CallTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Queue;

/**
 * Every request's server time, from the first byte read to the response headers (a page's template
 * is rendered by then), sent as {@code Server-Timing: app;dur=<ms>} (W3C Server Timing, so a browser's
 * Navigation Timing shows it) followed by each service call the page made ({@link CallTimes}), and logged
 * with method, path and status once the body is written.
 * The page goal is under 300 ms.
 */
@ApplicationScoped
public class ServerTiming {

    /** The metric name in the Server-Timing header. */
    public static final String METRIC = "app";
    private static final Logger LOG = Logger.getLogger(ServerTiming.class);
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            long start = System.nanoTime();
            rc.addHeadersEndHandler(v -> {
                StringBuilder timing = new StringBuilder(METRIC + ";dur=" + String.format(Locale.ROOT, "%.1f", millisSince(start)));
                Queue<String> calls = rc.get(CallTimes.KEY);
                if (calls != null) {
                    calls.forEach(call -> timing.append(", ").append(call));
                }
                rc.response().putHeader("Server-Timing", timing.toString());
            });
            rc.addBodyEndHandler(v -> {
                if (!rc.normalizedPath().startsWith("/q/") && !rc.normalizedPath().startsWith("/webjars/")) {
                    LOG.infof("%s %s %d in %.1f ms", rc.request().method(), rc.normalizedPath(),
                            rc.response().getStatusCode(), millisSince(start));
                }
            });
            rc.next();
        }, PRIORITY);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
