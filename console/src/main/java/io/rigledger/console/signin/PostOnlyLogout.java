package io.rigledger.console.signin;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.rigledger.console.web.ErrorPages;

/**
 * quarkus-oidc ends the console and Keycloak sessions on its logout path ({@value SignOut#KEYCLOAK_LOGOUT}) whatever the
 * request's method, so a cross-site link to it (a top-level GET carries the SameSite=Lax session cookie) would sign the
 * person out. Any method but POST there is answered 405 ({@code Allow: POST}) before quarkus-oidc's authentication
 * runs (a Vert.x filter, ahead of the security handlers), as the console's readable error page; {@link SignOut} sends its POST on with 307, which keeps it.
 */
@ApplicationScoped
public class PostOnlyLogout {

    private static final int PRIORITY = 20_000;

    @Inject
    ErrorPages errorPages;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (SignOut.KEYCLOAK_LOGOUT.equals(rc.normalizedPath()) && !"POST".equals(rc.request().method().name())) {
                rc.response().putHeader("Allow", "POST");
                errorPages.answer(rc, 405, "Method not allowed", "Sign out with the Sign out button (it posts to /logout).");
                return;
            }
            rc.next();
        }, PRIORITY);
    }
}
