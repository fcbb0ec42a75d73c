package io.rigledger.console.signin;

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

    /**
     * True when Keycloak answered its discovery document with 200 in time; false when the connection failed,
     * timed out or the answer was anything else (a realm that is missing cannot sign anyone in either). Never fails.
     */
    public Uni<Boolean> reachable() {
        return client.getAbs(discoveryUrl()).timeout(timeout.toMillis()).send()
                .map(answer -> answer.statusCode() == 200)
                .onFailure().recoverWithItem(false);
    }
}
