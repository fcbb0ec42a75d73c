package io.rigledger.console.upstream;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How long each call of the generated clients took, as W3C Server-Timing entries of the page that made it
 * ({@code upstream;desc="GET /api/shipments/...";dur=41.2}, ms from the request filter to the answer's headers,
 * procurement-service's own time and the network's together), so the browser and pages.sh show where a page's
 * time goes; {@code web.ServerTiming} writes them beside the page's own {@code app} time. Registered on each
 * generated client (application.properties, additional-api-type-annotations); calls made on the managed executor
 * count to the same page (the request's context is carried).
 */
@ApplicationScoped
public class CallTimes implements ClientRequestFilter, ClientResponseFilter {

    /** Where a page's entries are kept on its routing context: a {@code Queue<String>}. */
    public static final String KEY = "rigledger.upstream-times";
    private static final String STARTED = "rigledger.started";

    @Inject
    CurrentVertxRequest page;

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        Object started = request.getProperty(STARTED);
        RoutingContext rc = page.getCurrent();
        if (started instanceof Long start && rc != null) {
            Queue<String> times = rc.get(KEY);
            if (times == null) {
                times = new ConcurrentLinkedQueue<>();
                rc.put(KEY, times);
            }
            times.add(String.format(Locale.ROOT, "upstream;desc=\"%s %s\";dur=%.1f", request.getMethod(),
                    request.getUri().getRawPath(), (System.nanoTime() - start) / 1_000_000.0));
        }
    }
}
