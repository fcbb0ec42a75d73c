package io.rigledger.local;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.rigledger.local.ConsoleSignIn.KEYCLOAK_DOWN;
import static io.rigledger.local.ConsoleData.SESSION_COOKIE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console's session in a real browser against the packaged stack: a forged session cookie gets the sign-in page;
 * an expired session signs in again and comes back to the same page; signing out ends the Keycloak session, or, while
 * Keycloak does not answer, the console's own session with a page saying so. Pages shot as in {@link ConsoleIT}.
 */
class ConsoleSessionIT extends ConsoleBrowserBase {

    /**
     * Signing out while Keycloak does not answer (paused: its port takes the connection, nothing answers): the
     * browser is not sent to it; the console's own session ends (no session cookie left) and its page says so, that
     * the Keycloak session may still be open, and offers to sign in again. Keycloak is resumed and alice's
     * Keycloak session ended afterwards.
     */
    @Test
    void signingOutWhileKeycloakDoesNotAnswerEndsTheConsoleSessionAndSaysSo() throws Exception {
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.signIn("/", "alice");
            faults.pauseKeycloak();
            try {
                b.clickAndWait(b.all("#sign-out").get(0));
                assertEquals(console + "/logout", b.url(), "still on the console, not sent to Keycloak");
                assertEquals("Signed out of the console", b.text("h1"));
                assertTrue(b.text("#signed-out-detail").contains("could not be reached") && b.text("#signed-out-detail")
                        .contains("Keycloak session may still be open"), b.text("#signed-out-detail"));
                assertEquals("/", b.all("#sign-in-again").get(0).getDomAttribute("href"));
                assertFalse(b.cookieNames().stream().anyMatch(n -> n.startsWith(SESSION_COOKIE)), "session cookies: " + b.cookieNames());
                b.shotAsShown("signed-out-keycloak-unreachable");
            } finally {
                faults.resumeKeycloak();
            }
            Realm.endSessions(settings, "alice", "console");
        }
    }

    /**
     * fiona's tokens (5 s for this sign-in) have expired and Keycloak hangs (paused: its port takes the connection,
     * nothing answers): six requests of her session at once and then a page in the browser each get the console's 503
     * page naming Keycloak within 8 s (the console's bounds: 2 s for the refresh, 2 s for the check after it), her
     * session cookies kept; Keycloak resumed, the next page refreshes her tokens and is served.
     */
    @Test
    void anExpiredSessionWhileKeycloakHangsGetsThe503PageInSecondsAndWorksOnceKeycloakIsBack() throws Exception {
        String page = "/finance/deadlines?within=90";
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            signInWithTokensOf(Duration.ofSeconds(5), b, page, "fiona");
            String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            Thread.sleep(6_000);
            faults.pauseKeycloak();
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpRequest get = HttpRequest.newBuilder(URI.create(console + page)).header("Cookie", cookies)
                        .timeout(Duration.ofSeconds(30)).build();
                long start = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> six = IntStream.range(0, 6)
                        .mapToObj(i -> http.sendAsync(get, HttpResponse.BodyHandlers.ofString())).toList();
                for (CompletableFuture<HttpResponse<String>> answer : six) {
                    HttpResponse<String> r = answer.get();
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertEquals(503, r.statusCode(), r.body());
                    assertTrue(r.body().contains(KEYCLOAK_DOWN), r.body());
                    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the 503 page after " + took);
                    assertFalse(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SESSION_COOKIE)),
                            "the session is kept: " + r.headers().allValues("Set-Cookie"));
                }
                long shown = System.nanoTime();
                b.open(page);
                Duration took = Duration.ofNanos(System.nanoTime() - shown);
                assertEquals("Sign-in unavailable", b.text("h1"));
                assertEquals(KEYCLOAK_DOWN, b.text("#problem-detail"));
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the 503 page in the browser after " + took);
                assertTrue(b.cookieNames().stream().anyMatch(n -> n.startsWith(SESSION_COOKIE)), "session cookies: " + b.cookieNames());
            } finally {
                faults.resumeKeycloak();
            }
            b.open(page);
            assertEquals(console + page, b.url(), "served, not sent to sign in");
            assertEquals("Deadlines in the next 90 days", b.text("h1"));
            Realm.endSessions(settings, "fiona", "console");
        }
    }

    @Test
    void aForgedSessionCookieGetsTheSignInPage() {
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.open("/console.css");
            b.setCookie(SESSION_COOKIE, "forged.cookie.value");
            b.open("/finance/reconciliation");
            assertTrue(b.url().contains("/realms/rigledger/protocol/openid-connect/auth"), b.url());
            assertTrue(b.onKeycloakLogin(), "Keycloak's login form");
            b.shot("sign-in");
        }
    }

    /**
     * fiona's console session expires (its ID token, 5 s for this sign-in, and the Keycloak session, ended
     * as its idle timeout ends it): the next page goes to the sign-in page and, signed in, to the same page;
     * signing out then ends the new Keycloak session too (the login form, not a silent sign-in, follows).
     */
    @Test
    void anExpiredSessionSignsInAgainOnTheSamePageAndSigningOutEndsTheKeycloakSession() throws Exception {
        String page = "/finance/deadlines?within=30";
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            signInWithTokensOf(Duration.ofSeconds(5), b, page, "fiona");
            Realm.endSessions(settings, "fiona", "console");
            await("the console sends fiona to sign in once her tokens expired").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        b.open(page);
                        return b.onKeycloakLogin();
                    });
            b.signInHere("fiona");
            assertEquals(console + page, b.url(), "signed in again on the same page");
            assertEquals("Deadlines in the next 30 days", b.text("h1"));
            List<String> before = Realm.sessions(settings, "fiona", "console");
            assertEquals(1, before.size(), "fiona's new console session: " + before);

            b.clickAndWait(b.all("#sign-out").get(0));
            b.waitFor(b::onKeycloakLogin);
            assertEquals(List.of(), Realm.sessions(settings, "fiona", "console"), "signing out ended the Keycloak session");
            assertFalse(b.cookieNames().stream().anyMatch(n -> n.startsWith(SESSION_COOKIE)), "session cookies: " + b.cookieNames());
        }
    }
}
