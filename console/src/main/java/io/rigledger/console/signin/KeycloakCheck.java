package io.rigledger.console.signin;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Whether the sign-in service (Keycloak) answers now: its OpenID discovery document
 * ({@code <auth-server-url>/.well-known/openid-configuration}, OpenID Connect Discovery 1.0 section 4) read
 * within {@code rigledger.console.sign-in-check-timeout}. Asked only before the console would send a
 * browser to Keycloak or after a sign-in failed (never on a signed-in page), so a person is not sent to
 * a login page that cannot load. Non-blocking (Vert.x web client).
 * <p>
 * The answer to those pages ({@link #reachable()}) is kept for {@code rigledger.console.sign-in-check-cache}
 * (5 s; quarkus-cache, Caffeine, cache {@value #CACHE}), "up" and "down" alike, so a flood of anonymous requests
 * is not passed on 1:1 to Keycloak (R-13b D6): at most one discovery request per window, concurrent requests
 * waiting for the same one. Signing out asks {@link #reachableNow()}, which is never kept: it needs a session
 * and a POST, so it cannot be flooded, and it must not send the browser on to a Keycloak that just stopped.
 */
@ApplicationScoped
public class KeycloakCheck {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @ConfigProperty(name = "rigledger.console.sign-in-check-timeout", defaultValue = "2s")
    Duration timeout;

    private WebClient client;

    @PostConstruct
    void open() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The discovery document's address. */
    String discoveryUrl() {
        String base = authServerUrl.endsWith("/") ? authServerUrl.substring(0, authServerUrl.length() - 1) : authServerUrl;
        return base + "/.well-known/openid-configuration";
    }

    /** The name of the cache holding {@link #reachable()}'s answer (quarkus.cache.caffeine."keycloak-reachable"). */
    public static final String CACHE = "keycloak-reachable";

    /**
     * {@link #reachableNow()}'s answer, asked at most once per {@code rigledger.console.sign-in-check-cache} (5 s):
     * the answer of the window's first request, up or down. Never fails.
     */
    @CacheResult(cacheName = CACHE)
    public Uni<Boolean> reachable() {
        return reachableNow();
    }

    /**
     * True when Keycloak answered its discovery document with 200 in time; false when the connection failed,
     * timed out or the answer was anything else (a realm that is missing cannot sign anyone in either). Never fails.
     * Asks Keycloak on every call.
     */
    public Uni<Boolean> reachableNow() {
        return client.getAbs(discoveryUrl()).timeout(timeout.toMillis()).send()
                .map(answer -> answer.statusCode() == 200)
                .onFailure().recoverWithItem(false);
    }
}
