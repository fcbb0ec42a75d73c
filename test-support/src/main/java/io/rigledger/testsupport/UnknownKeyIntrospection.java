package io.rigledger.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What Keycloak answers when a service introspects a token it cannot verify: Quarkus OIDC sends a
 * JWT whose key id its issuer never published (a token of another realm, {@link Tokens#fromAnotherRealm})
 * to the realm's introspection endpoint, and Keycloak says {@code {"active":false}}. Quarkus' mock
 * server ({@code OidcWiremockTestResource}) stubs that endpoint only for its own fixed tokens, so
 * without this every such refusal logs WireMock's "Request was not matched" table. The stub answers
 * only introspection requests, at a lower priority than the mock server's own stubs, under a fixed
 * id (added once per server), so any other unmatched request is still reported.
 */
public final class UnknownKeyIntrospection {

    /** The realm path of OidcWiremockTestResource's introspection endpoint. */
    public static final String PATH = "/auth/realms/quarkus/protocol/openid-connect/token/introspect";
    private static final UUID STUB = UUID.nameUUIDFromBytes("rigledger-unknown-key-introspection".getBytes());
    private static final int BELOW_THE_MOCK_SERVERS_OWN = 10;

    private UnknownKeyIntrospection() {
    }

    /** Stubs the introspection of any other token as inactive, as Keycloak answers. */
    public static void answeredInactive(WireMockServer oidc) {
        if (oidc.getStubMappings().stream().anyMatch(stub -> STUB.equals(stub.getId()))) {
            return;
        }
        oidc.stubFor(post(urlPathEqualTo(PATH)).withId(STUB).atPriority(BELOW_THE_MOCK_SERVERS_OWN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"active\":false}")));
    }
}
