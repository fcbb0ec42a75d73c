package io.rigledger.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
                b.clickAndWait(b.all("a[href='/logout']").get(0));
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
            Realm.tokenLifespan(settings, "console", Duration.ofSeconds(5));
            try {
                b.signIn(page, "fiona");
            } finally {
                Realm.tokenLifespan(settings, "console", null);
            }
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

            b.clickAndWait(b.all("a[href='/logout']").get(0));
            b.waitFor(b::onKeycloakLogin);
            assertEquals(List.of(), Realm.sessions(settings, "fiona", "console"), "signing out ended the Keycloak session");
            assertFalse(b.cookieNames().stream().anyMatch(n -> n.startsWith(SESSION_COOKIE)), "session cookies: " + b.cookieNames());
        }
    }
}
