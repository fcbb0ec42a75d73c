package io.rigledger.procurement.fakes;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.rigledger.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * The test OIDC server (Quarkus's OidcWiremockTestResource) answers procurement-service's
 * client-credentials grant with a token of five minutes and a refresh token, but has no answer to
 * the refresh grant: once a run of the suite outlasts the first token (a loaded machine), every call
 * to the neighbours failed. This adds that answer (a fresh service-account token, as Keycloak would
 * give on a new client-credentials grant) through the server's admin API, once per server (the
 * server lives as long as the test run).
 */
final class ServiceTokenRefresh {

    private static final UUID STUB = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final Set<String> STUBBED = ConcurrentHashMap.newKeySet();

    private ServiceTokenRefresh() {
    }

    static void stub() {
        String url = ConfigProvider.getConfig().getOptionalValue("keycloak.url", String.class).orElse(null);
        if (url == null || !STUBBED.add(url)) {
            return;
        }
        URI oidc = URI.create(url);
        new WireMock(oidc.getHost(), oidc.getPort()).register(post("/auth/realms/quarkus/token").withId(STUB)
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + Tokens.service("procurement-service")
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }
}
