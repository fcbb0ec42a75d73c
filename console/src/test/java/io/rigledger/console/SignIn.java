package io.rigledger.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.response.Response;
import io.rigledger.testsupport.Tokens;
import io.smallrye.jwt.build.Jwt;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signs a person in to the console through the real authorization code flow against the OIDC test
 * server (OidcWiremockTestResource): the console redirects to the authorization endpoint with PKCE,
 * the test plays the login (a code for this person), and the console exchanges the code at the token
 * endpoint, which answers tokens signed with the test server's key: an ID token for the client
 * {@code console} and an access token as Keycloak issues it (test-support {@link Tokens}: roles in
 * groups, the organisation in org, the three services as audience).
 */
public final class SignIn {

    /** A signed-in browser: its cookies (the session) and the access token the console holds for it. */
    public record Session(Map<String, String> cookies, String accessToken, List<String> setCookies, String landedOn) {
    }

    private SignIn() {
    }

    /** Signs {@code user} of {@code org} with {@code roles} in, starting at {@code page}; the session's cookies. */
    public static Session as(WireMockServer oidc, String page, String user, String org, String... roles) {
        return as(Duration.ofMinutes(5), oidc, page, user, org, roles);
    }

    /** As {@link #as(WireMockServer, String, String, String, String...)}, with ID and access tokens that live {@code lifetime}. */
    public static Session as(Duration lifetime, WireMockServer oidc, String page, String user, String org, String... roles) {
        Response start = given().redirects().follow(false).get(page);
        assertEquals(302, start.statusCode(), "an anonymous visit is sent to sign in");
        URI authorize = URI.create(start.header("Location"));
        Map<String, String> query = query(authorize);
        assertEquals("code", query.get("response_type"));
        assertEquals("console", query.get("client_id"));
        assertEquals("S256", query.get("code_challenge_method"), "PKCE");
        assertTrue(query.containsKey("code_challenge"), "PKCE");

        String code = "code-" + user + "-" + UUID.randomUUID();
        String accessToken = Tokens.user(lifetime, user, org, roles);
        oidc.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("code_verifier="))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token":"%s","id_token":"%s","refresh_token":"%s","token_type":"Bearer","expires_in":300}"""
                        .formatted(accessToken, idToken(lifetime, user, org), "refresh-" + code))));

        Map<String, String> cookies = new HashMap<>(start.cookies());
        String redirect = query.get("redirect_uri");
        Response back = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state=" + query.get("state"));
        assertEquals(302, back.statusCode(), "the code is exchanged: " + back.asString());
        cookies.putAll(back.cookies());
        assertTrue(cookies.keySet().stream().anyMatch(k -> k.startsWith("q_session")), "a session cookie: " + back.cookies());
        return new Session(cookies, accessToken, back.headers().getValues("Set-Cookie"), back.header("Location"));
    }

    /** The ID token the OIDC server gives the client {@code console}, living {@code lifetime}. */
    static String idToken(Duration lifetime, String user, String org) {
        Instant now = Instant.now();
        var claims = Jwt.preferredUserName(user)
                .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString())
                .issuer(Tokens.ISSUER).audience("console")
                .issuedAt(now).expiresAt(now.plus(lifetime));
        if (org != null) {
            claims.claim("org", org);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
