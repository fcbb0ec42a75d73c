package io.rigledger.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The console's own page (text/html, the console's layout) for an address it does not have and for one too long to
 * read, instead of Vert.x's bare answers (a 53-byte "Resource not found", a 414 with no body):
 * <ul>
 * <li>404 "Page not found": the router's last route, reached only when no page, static file or quarkus-oidc path
 *     took the request;</li>
 * <li>414 "Address too long": a request line's target longer than {@value #MAX_TARGET} characters (RFC 9110 section
 *     15.5.15), answered before anything else runs. Vert.x reads request lines up to
 *     {@code quarkus.http.limits.max-initial-line-length} (raised to 64 KiB for this), so that a longer address reaches
 *     this page; beyond that Vert.x answers its bare 414 still.</li>
 * </ul>
 * Shown signed out (no menu): the person's identity is not looked up for an address the console does not serve.
 */
@ApplicationScoped
public class ErrorPages {

    /** The longest request target (path and query, characters) the console reads; the pages' own are far shorter. */
    public static final int MAX_TARGET = 4096;
    private static final int PRIORITY = 30_000;

    @Inject
    @Location("error.html")
    Template page;

    void tooLong(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().uri().length() > MAX_TARGET) {
                answer(rc, 414, "Address too long", "The address is longer than the console reads ("
                        + MAX_TARGET + " characters). Go back and choose fewer or shorter filters.");
                return;
            }
            rc.next();
        }, PRIORITY);
    }

    void notFound(@Observes Router router) {
        router.route().last().handler(rc -> answer(rc, 404, "Page not found",
                "The console has no page at this address. Use the menu or go home."));
    }

    private void answer(RoutingContext rc, int status, String title, String sentence) {
        String html = page.data("signedOut", true).data("status", status).data("title", title).data("sentence", sentence).render();
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").end(html);
    }
}
