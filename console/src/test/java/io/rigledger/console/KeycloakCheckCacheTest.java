package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.rigledger.console.signin.KeycloakCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Anonymous requests do not each ask Keycloak whether it answers (R-13b D6): within the window
 * (rigledger.console.sign-in-check-cache, 5 s under test) the OIDC test server sees one discovery request for
 * any number of anonymous pages, whether Keycloak answered (302 to sign in) or not (503); after the window,
 * the next anonymous page asks again.
 */
@QuarkusTest
class KeycloakCheckCacheTest {

    private static final String DISCOVERY = "/auth/realms/quarkus/.well-known/openid-configuration";
    private static final int HITS = 5;
    private static final long WINDOW_MILLIS = 5_000;

    @OidcWireMock
    WireMockServer oidc;

    @CacheName(KeycloakCheck.CACHE)
    Cache reachable;

    private StubMapping down;

    @BeforeEach
    void noAnswerKept() {
        reachable.invalidateAll().await().indefinitely();
    }

    @AfterEach
    void keycloakBack() {
        if (down != null) {
            oidc.removeStub(down);
            down = null;
        }
        reachable.invalidateAll().await().indefinitely();
    }

    @Test
    void anonymousPagesWithinTheWindowAskKeycloakOnceAndAgainAfterIt() throws InterruptedException {
        given().redirects().follow(false).get("/finance/deadlines"); // warm: the first page of a run can be slow
        reachable.invalidateAll().await().indefinitely();
        int before = discoveryRequests();
        long first = System.nanoTime();
        for (int i = 0; i < HITS; i++) {
            assertEquals(302, given().redirects().follow(false).get("/finance/deadlines").statusCode());
        }
        long tookMillis = (System.nanoTime() - first) / 1_000_000;
        assertEquals(before + 1, discoveryRequests(), HITS + " anonymous pages in " + tookMillis + " ms");

        Thread.sleep(WINDOW_MILLIS + 300 - Math.min(tookMillis, WINDOW_MILLIS));
        assertEquals(302, given().redirects().follow(false).get("/finance/deadlines").statusCode());
        assertEquals(before + 2, discoveryRequests(), "after the window Keycloak is asked again");
    }

    @Test
    void theDownAnswerIsKeptToo() {
        down = oidc.stubFor(any(urlPathMatching("/auth/realms/quarkus/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        int before = discoveryRequests();
        for (int i = 0; i < HITS; i++) {
            assertEquals(503, given().redirects().follow(false).get("/finance/deadlines").statusCode());
        }
        assertEquals(before + 1, discoveryRequests(), HITS + " anonymous pages while Keycloak is down");
    }

    private int discoveryRequests() {
        return oidc.findAll(getRequestedFor(urlPathEqualTo(DISCOVERY))).size();
    }
}
