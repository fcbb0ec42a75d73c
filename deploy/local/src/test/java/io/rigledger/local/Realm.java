package io.rigledger.local;

import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Keycloak of the local stack as the end-to-end tests use it: tokens of the rigledger
 * realm fetched through a chosen address, and their claims.
 */
final class Realm {

    /** The public client people use (password grant), as in the README's curl. */
    static final String CLI_CLIENT = "rigledger-cli";

    private Realm() {
    }

    /** The realm's token endpoint under {@code keycloakBase}, e.g. {@code http://127.0.0.1:8180}. */
    static String tokenUrl(String keycloakBase) {
        return keycloakBase + "/realms/" + StackSettings.REALM + "/protocol/openid-connect/token";
    }

    /** A person's access token (password grant; the demo users' password is their user name). */
    static String passwordToken(String tokenUrl, String clientId, String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", user)
                .formParam("password", user)
                .post(tokenUrl)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A service account's access token (client-credentials grant with the local placeholder secret). */
    static String serviceToken(String tokenUrl, ServiceApp app) {
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", app.id())
                .formParam("client_secret", app.clientSecret())
                .post(tokenUrl)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The JWT's payload, unverified: the signature is the services' business. */
    static JsonPath claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a JWS has three parts");
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
