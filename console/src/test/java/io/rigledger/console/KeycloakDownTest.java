package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.rigledger.console.signin.KeycloakCheck;
import io.rigledger.console.signin.SignOut;
import io.rigledger.console.signin.SignInFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rigledger.testsupport.Tokens;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in while Keycloak is down (every request to the OIDC test server's realm has its connection reset,
 * as a stopped Keycloak does) or refuses the code: a readable page of the console's layout, never a redirect
 * to a login page that cannot load, nor a 401 with an empty body.
 */
@QuarkusTest
class KeycloakDownTest {

    @OidcWireMock
    WireMockServer oidc;

    /** KeycloakCheck's answer, kept a few seconds: forgotten whenever a test stops or restarts Keycloak. */
    @CacheName(KeycloakCheck.CACHE)
    Cache reachable;

    private StubMapping down;

    @AfterEach
    void keycloakBack() {
        if (down != null) {
            oidc.removeStub(down);
            down = null;
        }
        reachable.invalidateAll().await().indefinitely();
    }

    private void keycloakStops() {
        down = oidc.stubFor(any(urlPathMatching("/auth/realms/quarkus/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        reachable.invalidateAll().await().indefinitely();
    }

    @Test
    void aNewVisitorWhileKeycloakIsDownGetsA503PageNotARedirectToIt() {
        keycloakStops();
        Response page = given().redirects().follow(false).get("/finance/deadlines");
        assertReadable(page, 503, SignInFailures.KEYCLOAK_DOWN);
        assertNull(page.header("Location"), "not sent to a Keycloak that is down");
        assertEquals("60", page.header("Retry-After"));
    }

    @Test
    void aPersonBackFromKeycloakWithACodeWhileItWentDownGetsA503Page() {
        Response start = given().redirects().follow(false).get("/finance/deadlines");
        assertEquals(302, start.statusCode(), "Keycloak answers: the visitor is sent to its login page");
        keycloakStops();
        Response back = comeBack(start, "code-while-down");
        assertReadable(back, 503, SignInFailures.KEYCLOAK_DOWN);
    }

    @Test
    void aCodeKeycloakRefusesGetsA401PageOfferingToSignInAgain() {
        Response start = given().redirects().follow(false).get("/");
        oidc.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).atPriority(1).withRequestBody(containing("code=used-code"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}")));
        Response back = comeBack(start, "used-code");
        assertReadable(back, 401, "The sign-in could not be completed");
        back.then().body(containsString("id=\"sign-in-again\""));
    }

    @Test
    void aSignedInPersonKeepsReadingPagesWhileKeycloakIsDown() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        keycloakStops();
        given().redirects().follow(false).cookies(fiona.cookies()).get("/").then().statusCode(200)
                .body(containsString("Welcome, fiona"));
    }

    /**
     * fiona's tokens (2 s) have expired and Keycloak takes every request but does not answer (each after 20 s, as a
     * hung Keycloak): the 503 page once the refresh and then the reachability check each gave up (2 s each: about
     * 4 s; asserted under 8 s for a loaded machine), the session cookies kept; Keycloak answering again, the same
     * cookies refresh the tokens and the page is served.
     */
    @Test
    void anExpiredSessionWhileKeycloakHangsGetsThe503PageAtOnceAndRefreshesOnceItIsBack() throws InterruptedException {
        SignIn.Session fiona = SignIn.as(Duration.ofSeconds(2), oidc, "/", "fiona", "northwind", "finance");
        down = oidc.stubFor(any(urlPathMatching("/auth/realms/quarkus/.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(20_000).withStatus(500)));
        reachable.invalidateAll().await().indefinitely();
        Thread.sleep(2_500);

        long start = System.nanoTime();
        Response hung = given().redirects().follow(false).cookies(fiona.cookies()).get("/");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertReadable(hung, 503, SignInFailures.KEYCLOAK_DOWN);
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the 503 page after " + took);
        assertFalse(hung.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("q_session")),
                "the session is kept: " + hung.headers().getValues("Set-Cookie"));
        assertFalse(oidc.findAll(postRequestedFor(urlPathEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("grant_type=refresh_token"))).isEmpty(), "the console tried to refresh");

        oidc.removeStub(down);
        down = oidc.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token":"%s","id_token":"%s","refresh_token":"refreshed","token_type":"Bearer","expires_in":300}"""
                        .formatted(Tokens.user("fiona", "northwind", "finance"),
                                SignIn.idToken(Duration.ofMinutes(5), "fiona", "northwind")))));
        Response back = given().redirects().follow(false).cookies(fiona.cookies()).get("/");
        assertEquals(200, back.statusCode(), back.asString());
        assertTrue(back.asString().contains("Welcome, fiona"), back.asString());
        assertTrue(back.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("q_session")),
                "the refreshed tokens in a new session cookie: " + back.headers().getValues("Set-Cookie"));
    }

    @Test
    void signingOutWhileKeycloakIsDownEndsTheConsoleSessionAndSaysKeycloaksMayStillBeOpen() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        keycloakStops();
        Response out = given().redirects().follow(false).cookies(fiona.cookies()).post("/logout");
        assertEquals(200, out.statusCode(), out.asString());
        assertNull(out.header("Location"), "not sent to a Keycloak that is down");
        assertTrue(out.contentType().startsWith("text/html"), out.contentType());
        String body = out.asString();
        assertTrue(body.contains(SignOut.LOCAL_ONLY), body);
        assertTrue(body.contains("<a id=\"sign-in-again\" href=\"/\">"), body);
        assertFalse(body.contains("Welcome") || body.contains("id=\"signed-in-as\""), "signed out: " + body);
        Map<String, String> left = new HashMap<>(fiona.cookies());
        for (String name : fiona.cookies().keySet().stream().filter(n -> n.startsWith("q_session")).toList()) {
            Cookie removed = out.detailedCookie(name);
            assertTrue(removed != null && removed.getMaxAge() == 0, name + " removed: " + out.headers().getValues("Set-Cookie"));
            left.remove(name);
        }
        Response after = given().redirects().follow(false).cookies(left).get("/");
        assertEquals(503, after.statusCode(), "no session left: a new visitor while Keycloak is down");
    }

    @Test
    void theHeaderShowsRigLedgersRolesNotKeycloaksOwn() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance", "default-roles-rigledger", "offline_access",
                "uma_authorization");
        String page = given().cookies(fiona.cookies()).get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("(finance)</span>"), page);
        assertTrue(page.contains("<strong id=\"roles\">finance</strong>"), page);
        assertFalse(page.contains("default-roles-rigledger") || page.contains("offline_access") || page.contains("uma_authorization"), page);
    }

    /** The browser back from Keycloak's login page with {@code code} and the state of {@code start}'s redirect. */
    private static Response comeBack(Response start, String code) {
        Map<String, String> query = SignIn.query(URI.create(start.header("Location")));
        Map<String, String> cookies = new HashMap<>(start.cookies());
        String redirect = query.get("redirect_uri");
        return given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state=" + query.get("state"));
    }

    private static void assertReadable(Response page, int status, String sentence) {
        assertEquals(status, page.statusCode(), page.asString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String body = page.asString();
        assertTrue(body.contains(sentence), body);
        assertTrue(body.contains("id=\"correlation-id\""), "a correlation id: " + body);
        assertTrue(body.contains("RigLedger console</title>"), "the console's layout: " + body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
    }
}
