package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import io.rigledger.console.signin.SignOut;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignInTest {

    @OidcWireMock
    WireMockServer oidc;

    /** The home page offers what the services answer each role (their @RolesAllowed), no more, no less. */
    @Test
    void theHomePageOffersWhatTheServicesAnswerEachRole() {
        homeOffers(SignIn.as(oidc, "/", "fiona", "northwind", "finance"),
                "go-deadlines", "go-fleet", "go-orders", "go-racks", "go-reconciliation", "go-refunds", "go-rigs");
        homeOffers(SignIn.as(oidc, "/", "oscar", "northwind", "ops"), "go-fleet", "go-orders", "go-racks", "go-rigs");
        String alice = homeOffers(SignIn.as(oidc, "/", "alice", "northwind", "operator"),
                "go-deadlines", "go-fleet", "go-orders", "go-racks", "go-reconciliation", "go-rigs");
        assertTrue(alice.contains("reading only: recording a reason is finance's"), alice);
    }

    private static String homeOffers(SignIn.Session who, String... ids) {
        String page = given().cookies(who.cookies()).get("/").then().statusCode(200).extract().asString();
        List<String> offered = Pattern.compile("id=\"(go-[a-z-]+)\"").matcher(page).results()
                .map(m -> m.group(1)).sorted().toList();
        assertEquals(List.of(ids), offered, page);
        return page;
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndHoldsNoReadableToken() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        assertTrue(fiona.setCookies().stream().anyMatch(c -> c.startsWith("q_session")), fiona.setCookies().toString());
        for (String cookie : fiona.setCookies()) {
            if (cookie.startsWith("q_session")) {
                assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
                assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
                assertTrue(!cookie.contains(fiona.accessToken().substring(0, 40)), "the access token is encrypted");
            }
        }
    }

    @Test
    void aForgedSessionCookieGetsTheSignInPage() {
        Response answer = given().redirects().follow(false).cookie("q_session", "forged.not-a-session.cookie").get("/");
        assertSentToSignIn(answer, "");
    }

    /**
     * A session with one of its cookies missing (quarkus-oidc keeps the ID, access and refresh tokens in q_session,
     * q_session_at and q_session_rt, and splits a long one into chunks; a browser may drop one): sent to sign in, as for a
     * forged cookie, not a 401 page (without the refresh token's cookie alone the session still reads).
     */
    @Test
    void aSessionWithSomeOfItsCookiesMissingGetsTheSignInPage() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        List<String> names = fiona.cookies().keySet().stream().filter(n -> n.startsWith("q_session")).sorted().toList();
        assertTrue(names.size() > 1, "the session is in several cookies: " + names);
        assertTrue(names.containsAll(List.of("q_session", "q_session_at")), names.toString());
        for (String dropped : names) {
            Map<String, String> some = new HashMap<>(fiona.cookies());
            some.remove(dropped);
            Response answer = given().redirects().follow(false).cookies(some).get("/");
            if (dropped.equals("q_session_rt")) {
                // the ID and access tokens are all a page needs: without the refresh token the session reads, it just cannot be refreshed
                assertEquals(200, answer.statusCode(), "without " + dropped + ": " + answer.asString());
                continue;
            }
            assertSentToSignIn(answer, "without " + dropped + ": " + answer.asString());
        }
    }

    /**
     * A session without q_session_at whose address merely carries a {@code state} parameter (a bookmark, a pasted link):
     * no code flow is under way (no quarkus-oidc state cookie q_auth*), so it is a broken session like any other and gets
     * the sign-in page, not 401 "Sign-in not completed" (R-13b D8).
     */
    @Test
    void aBrokenSessionWithAStrayStateParameterGetsTheSignInPage() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        Map<String, String> broken = withoutAccessToken(fiona);
        Response answer = given().redirects().follow(false).cookies(broken).get("/finance/deadlines?state=x");
        assertSentToSignIn(answer, answer.asString());
    }

    /**
     * The same broken session with a stray {@code state} while the browser still holds the state cookie of another code
     * flow (a sign-in abandoned in another tab, q_auth_&lt;its state&gt;): that cookie is not this request's flow, so the
     * sign-in page, not 401 (R-13c D1).
     */
    @Test
    void aBrokenSessionWithAnotherFlowsStateCookieGetsTheSignInPage() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        Map<String, String> broken = withoutAccessToken(fiona);
        Response other = given().redirects().follow(false).get("/finance/deadlines");
        assertEquals(302, other.statusCode(), other.asString());
        assertTrue(other.cookies().keySet().stream().anyMatch(n -> n.startsWith("q_auth_")), other.cookies().toString());
        broken.putAll(other.cookies());
        Response answer = given().redirects().follow(false).cookies(broken).get("/finance/deadlines?state=x");
        assertSentToSignIn(answer, answer.asString());
    }

    /**
     * The same broken session in the middle of a real code flow (quarkus-oidc's state cookie q_auth* set by the redirect to
     * Keycloak, the browser back with its state and a code): a sign-in that could not be completed, answered as before with
     * the 401 page that offers to sign in again.
     */
    @Test
    void aBrokenSessionInAHalfFinishedCodeFlowKeepsTheNotCompletedPage() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        Map<String, String> cookies = new HashMap<>(fiona.cookies());
        cookies.remove("q_session_at");
        Response start = given().redirects().follow(false).get("/finance/deadlines");
        assertEquals(302, start.statusCode(), start.asString());
        assertTrue(start.cookies().keySet().stream().anyMatch(n -> n.startsWith("q_auth")), start.cookies().toString());
        cookies.putAll(start.cookies());
        Map<String, String> query = SignIn.query(java.net.URI.create(start.header("Location")));
        String redirect = query.get("redirect_uri");
        Response back = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(redirect + (redirect.contains("?") ? "&" : "?") + "code=half-finished&state=" + query.get("state"));
        assertEquals(401, back.statusCode(), back.asString());
        assertTrue(back.asString().contains("Sign-in not completed"), back.asString());
        assertTrue(back.asString().contains("id=\"sign-in-again\""), back.asString());
    }

    @Test
    void afterSignInThePersonLandsOnThePageTheyAskedFor() {
        Response start = given().redirects().follow(false).get("/finance/deadlines?within=90");
        assertEquals(302, start.statusCode());
        SignIn.Session fiona = SignIn.as(oidc, "/finance/deadlines?within=90", "fiona", "northwind", "finance");
        assertTrue(fiona.landedOn().contains("/finance/deadlines"), "back to the page asked for: " + fiona.landedOn());
    }

    @Test
    void signingOutIsAPostThatEndsTheKeycloakSessionToo() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        given().cookies(fiona.cookies()).get("/").then().statusCode(200)
                .body(containsString("<form class=\"sign-out\" method=\"post\" action=\"/logout\">"));
        Response signOut = given().redirects().follow(false).cookies(fiona.cookies()).post("/logout");
        assertEquals(307, signOut.statusCode(), "Keycloak answers: on to quarkus-oidc's RP-initiated logout, still a POST");
        assertEquals(SignOut.KEYCLOAK_LOGOUT, signOut.header("Location"));
        Response out = given().redirects().follow(false).cookies(fiona.cookies()).post(SignOut.KEYCLOAK_LOGOUT);
        assertEquals(302, out.statusCode());
        String location = out.header("Location");
        assertTrue(location.contains("id_token_hint=") && location.contains("post_logout_redirect_uri="), location);
    }

    /**
     * A link on another site cannot sign anyone out: GET /logout is a page with the button, GET /logout/keycloak is 405,
     * neither removes a session cookie, and the session still serves pages; a cross-site POST carries no session
     * cookie (SameSite=Lax) and is sent to sign in, ending nothing.
     */
    @Test
    void aLinkCannotSignAnyoneOut() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        Response ask = given().redirects().follow(false).cookies(fiona.cookies()).get("/logout");
        assertEquals(200, ask.statusCode(), ask.asString());
        assertTrue(ask.asString().contains("<form method=\"post\" action=\"/logout\"><button type=\"submit\" id=\"confirm-sign-out\">"),
                ask.asString());
        Response link = given().redirects().follow(false).cookies(fiona.cookies()).get(SignOut.KEYCLOAK_LOGOUT);
        assertEquals(405, link.statusCode(), link.asString());
        assertEquals("POST", link.header("Allow"));
        for (Response r : new Response[] {ask, link}) {
            assertTrue(r.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("q_session")),
                    r.headers().getValues("Set-Cookie").toString());
        }
        given().redirects().follow(false).cookies(fiona.cookies()).get("/").then().statusCode(200)
                .body(containsString("Welcome, fiona"));
        Response crossSite = given().redirects().follow(false).post("/logout");
        assertSentToSignIn(crossSite, "no session cookie: sent to sign in");
    }

    /**
     * Signed-in pages (and the console's own error pages) are kept out of the browser's cache and other sites' frames
     * (R-13b D5); the static files keep their caching.
     */
    @Test
    void signedInPagesAreNeitherStoredNorFramed() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        for (String address : new String[] {"/", "/logout", "/finance/deadlines?within=7", "/no/such/page"}) {
            Response page = given().redirects().follow(false).cookies(fiona.cookies()).get(address);
            assertTrue(page.statusCode() == 200 || page.statusCode() >= 400, address + ": " + page.statusCode());
            assertEquals("no-store", page.header("Cache-Control"), address);
            assertEquals("frame-ancestors 'none'", page.header("Content-Security-Policy"), address);
            assertEquals("DENY", page.header("X-Frame-Options"), address);
        }
        Response css = given().get("/console.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.header("Cache-Control") != null && !css.header("Cache-Control").contains("no-store"), css.header("Cache-Control"));
    }

    /**
     * An address asked with a method it does not take is the console's readable 405 page with Allow (R-13b D2): the
     * reason form's address read with GET, the orders page posted to, the Keycloak sign-out link followed.
     */
    @Test
    void aMethodAnAddressDoesNotTakeGetsTheReadable405PageWithAllow() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        String[][] cases = {
                {"GET", "/finance/reconciliation/reasons", "POST"},
                {"POST", "/orders", "GET, HEAD"},
                {"DELETE", "/orders/123", "GET, HEAD"},
                {"GET", SignOut.KEYCLOAK_LOGOUT, "POST"}};
        for (String[] c : cases) {
            Response answer = given().redirects().follow(false).cookies(fiona.cookies()).request(c[0], c[1]);
            assertEquals(405, answer.statusCode(), c[0] + " " + c[1] + ": " + answer.asString());
            assertEquals(c[2], answer.header("Allow"), c[0] + " " + c[1]);
            assertTrue(answer.contentType().startsWith("text/html"), c[0] + " " + c[1] + ": " + answer.contentType());
            String body = answer.asString();
            assertTrue(body.contains("<h1>Method not allowed</h1>") && body.contains("id=\"problem-detail\"")
                    && body.contains("href=\"/console.css\""), c[0] + " " + c[1] + ": " + body);
        }
    }

    /** The answer sends the browser to sign in: 302 to the realm's authorisation endpoint ({@code why} explains a failure). */
    private static void assertSentToSignIn(Response answer, String why) {
        assertEquals(302, answer.statusCode(), why);
        assertTrue(answer.header("Location").contains("/auth/realms/quarkus"), why + ": " + answer.header("Location"));
    }

    /**
     * The session's cookies without q_session_at (the access token's) and without any quarkus-oidc state cookie q_auth*
     * (removed with Max-Age=0 once the code was exchanged, so a browser no longer sends it): a broken session.
     */
    private static Map<String, String> withoutAccessToken(SignIn.Session who) {
        Map<String, String> broken = new HashMap<>(who.cookies());
        broken.remove("q_session_at");
        broken.keySet().removeIf(n -> n.startsWith("q_auth"));
        return broken;
    }
}
