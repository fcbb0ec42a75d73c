package io.rigledger.console.signin;

import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * A bound on every request quarkus-oidc sends Keycloak (discovery, keys, the code exchange and above all the
 * refresh of an expired token): no byte back within {@code rigledger.console.keycloak-request-timeout} (2 s) and the
 * request fails with a {@link java.util.concurrent.TimeoutException} (Vert.x web client's idle timeout, set on the
 * request through quarkus-oidc's {@link OidcRequestFilter}).
 * <p>
 * Why: quarkus-oidc 3.33 bounds only the TCP connect ({@code quarkus.oidc.connection-timeout}, set to 2 s too) and
 * retries only on a {@link java.net.SocketException} ({@code connection-retry-count}); a Keycloak that takes the
 * connection and never answers (a hung or paused process: its port still accepts) held a signed-in person whose
 * access token had expired without any answer for as long as Keycloak hung (30 s and more). The failed refresh then
 * surfaces as an {@link io.quarkus.security.AuthenticationFailedException} (cause: the timeout), which
 * {@link SignInFailures} answers with the 503 page "Keycloak not reachable", the session cookie kept, so the next request
 * once Keycloak is back refreshes the tokens and goes on. Unremovable: quarkus-oidc looks its filters up at run time,
 * nothing injects this bean.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.ALL)
public class KeycloakTimeout implements OidcRequestFilter {

    @ConfigProperty(name = "rigledger.console.keycloak-request-timeout", defaultValue = "2s")
    Duration timeout;

    /** Sets the idle timeout ({@code timeout}, milliseconds) on the request about to be sent to Keycloak. */
    @Override
    public void filter(OidcRequestContext context) {
        context.request().idleTimeout(timeout.toMillis());
    }
}
