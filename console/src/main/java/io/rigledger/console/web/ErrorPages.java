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
 * <li>413 "Form too large": a request whose {@code Content-Length} is over {@value #MAX_BODY} bytes, answered before its
 *     body is read. The console's only form with free text is a reconciliation reason, at most 1,000 characters: URL-encoded
 *     at most 12,000 bytes (a 4-byte UTF-8 character is 12 bytes as {@code %XX%XX%XX%XX}) with the row's other fields.
 *     {@code quarkus.http.limits.max-form-attribute-size} is the same {@value #MAX_BODY} bytes, so no field of a body this
 *     page lets through meets Vert.x's bare, empty 413 (its 2,048-byte default refused 350 x "é"). A reason over 1,000
 *     characters but within the body limit is the reason page's 400 naming the field.</li>
 * </ul>
 * Shown signed out (no menu): the person's identity is not looked up for an address the console does not serve.
 */
@ApplicationScoped
public class ErrorPages {

    /** The longest request target (path and query, characters) the console reads; the pages' own are far shorter. */
    public static final int MAX_TARGET = 4096;
    /** The largest request body (bytes, as sent: URL-encoded for a form) the console reads; equals max-form-attribute-size. */
    public static final int MAX_BODY = 32 * 1024;
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
            if (contentLength(rc) > MAX_BODY) {
                answer(rc, 413, "Form too large", "What was sent is longer than the console reads (" + MAX_BODY
                        + " bytes). A reason is at most 1,000 characters; go back and shorten it.");
                return;
            }
            rc.next();
        }, PRIORITY);
    }

    void notFound(@Observes Router router) {
        router.route().last().handler(rc -> answer(rc, 404, "Page not found",
                "The console has no page at this address. Use the menu or go home."));
    }

    private static long contentLength(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // Vert.x refuses a malformed Content-Length itself
        }
    }

    /**
     * Ends {@code rc} with the console's error page (text/html, its layout, signed out, no-store): {@code title} as the
     * heading, {@code sentence} under it, the status in words and as the answer's status.
     */
    public void answer(RoutingContext rc, int status, String title, String sentence) {
        String html = html(status, title, sentence);
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").end(html);
    }

    /** The console's error page as HTML (its layout, signed out): {@code title}, {@code sentence} and the status. */
    public String html(int status, String title, String sentence) {
        return page.data("signedOut", true).data("status", status).data("title", title).data("sentence", sentence).render();
    }
}
