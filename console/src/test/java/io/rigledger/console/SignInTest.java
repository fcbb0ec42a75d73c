package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import io.rigledger.console.signin.SignOut;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignInTest {

    @OidcWireMock
    WireMockServer oidc;

    @Test
    void financeSignsInWithPkceAndTheHomePageOffersFinancePagesOnly() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        given().cookies(fiona.cookies()).get("/").then().statusCode(200)
                .body(containsString("Welcome, fiona"))
                .body(containsString("<strong id=\"org\">northwind</strong>"))
                .body(containsString("id=\"go-reconciliation\""))
                .body(containsString("id=\"go-deadlines\""))
                .body(containsString("id=\"go-refunds\""))
                .body(not(containsString("id=\"go-fleet\"")))
                .body(not(containsString("id=\"go-orders\"")));
    }

    @Test
    void opsAndOperatorsAreOfferedTheirOwnPages() {
        SignIn.Session oscar = SignIn.as(oidc, "/", "oscar", "northwind", "ops");
        given().cookies(oscar.cookies()).get("/").then().statusCode(200)
                .body(containsString("id=\"go-fleet\"")).body(containsString("id=\"go-rigs\""))
                .body(containsString("id=\"go-racks\"")).body(not(containsString("id=\"go-reconciliation\"")));
        SignIn.Session alice = SignIn.as(oidc, "/", "alice", "northwind", "operator");
        given().cookies(alice.cookies()).get("/").then().statusCode(200)
                .body(containsString("id=\"go-orders\"")).body(not(containsString("id=\"go-fleet\"")));
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
        assertEquals(302, answer.statusCode());
        assertTrue(answer.header("Location").contains("/auth/realms/quarkus"), answer.header("Location"));
    }

    @Test
    void afterSignInThePersonLandsOnThePageTheyAskedFor() {
        Response start = given().redirects().follow(false).get("/finance/deadlines?within=90");
        assertEquals(302, start.statusCode());
        SignIn.Session fiona = SignIn.as(oidc, "/finance/deadlines?within=90", "fiona", "northwind", "finance");
        assertTrue(fiona.landedOn().contains("/finance/deadlines"), "back to the page asked for: " + fiona.landedOn());
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        SignIn.Session fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
        Response signOut = given().redirects().follow(false).cookies(fiona.cookies()).get("/logout");
        assertEquals(303, signOut.statusCode(), "Keycloak answers: on to quarkus-oidc's RP-initiated logout");
        assertEquals(SignOut.KEYCLOAK_LOGOUT, signOut.header("Location"));
        Response out = given().redirects().follow(false).cookies(fiona.cookies()).get(SignOut.KEYCLOAK_LOGOUT);
        assertEquals(302, out.statusCode());
        String location = out.header("Location");
        assertTrue(location.contains("id_token_hint=") && location.contains("post_logout_redirect_uri="), location);
    }
}
