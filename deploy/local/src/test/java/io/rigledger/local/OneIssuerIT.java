package io.rigledger.local;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.rigledger.testsupport.Contract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One issuer, end to end with the real Keycloak: it runs with a fixed hostname (KC_HOSTNAME, by
 * default http://localhost:8180), so a token fetched through http://127.0.0.1:8180 or
 * http://localhost:8180 carries the same {@code iss} and every service accepts it; the services
 * themselves reach Keycloak through 127.0.0.1, as pods reach it through an in-cluster address. A
 * really expired token is refused with RFC 6750's {@code error="invalid_token"} and an
 * {@code error_description} naming the expiry, the same reason in the problem detail.
 */
@ExtendWith(LocalStackExtension.class)
class OneIssuerIT {

    /** {@code key="value"} pairs of an RFC 6750 challenge (quoted-string values, backslash escapes). */
    private static final Pattern AUTH_PARAM = Pattern.compile("([A-Za-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static StackSettings settings;

    @BeforeAll
    static void settings(LocalStack stack) {
        settings = stack.settings();
    }

    @Test
    void tokenFetchedThrough127001CarriesThePublicIssuerAndEveryServiceAcceptsIt() {
        String token = Realm.passwordToken(Realm.tokenUrl(keycloakVia("127.0.0.1")), Realm.CLI_CLIENT, "alice");

        assertEquals(settings.issuerUrl(), Realm.claims(token).getString("iss"));
        everyServiceAccepts(token);
    }

    @Test
    void tokenFetchedThroughLocalhostCarriesTheSameIssuerAndEveryServiceAcceptsIt() {
        String token = Realm.passwordToken(Realm.tokenUrl(keycloakVia("localhost")), Realm.CLI_CLIENT, "alice");

        assertEquals(settings.issuerUrl(), Realm.claims(token).getString("iss"));
        everyServiceAccepts(token);
    }

    @Test
    void discoveryThroughEitherAddressNamesThePublicIssuerAndBackChannelEndpointsAtThatAddress() {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            JsonPath discovery = given()
                    .get(keycloakVia(host) + "/realms/" + StackSettings.REALM + "/.well-known/openid-configuration")
                    .then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(settings.issuerUrl(), discovery.getString("issuer"), "issuer asked through " + host);
            assertTrue(discovery.getString("jwks_uri").startsWith(keycloakVia(host) + "/"),
                    "the services fetch the keys where they asked: " + discovery.getString("jwks_uri"));
        }
    }

    @Test
    void serviceAccountTokenFetchedThroughTheServicesAddressIsAcceptedByTariffService() {
        String token = Realm.serviceToken(Realm.tokenUrl(keycloakVia("127.0.0.1")), ServiceApp.PROCUREMENT);

        assertEquals(settings.issuerUrl(), Realm.claims(token).getString("iss"));
        given().filter(contract(ServiceApp.TARIFF)).auth().oauth2(token)
                .get(url(ServiceApp.TARIFF, "/api/duty-rates"))
                .then().statusCode(200);
    }

    @Test
    void expiredRealTokenGets401WithInvalidTokenAndADescriptionNamingTheExpiry() throws Exception {
        Duration lifespan = Duration.ofSeconds(1);
        String client = Realm.shortLivedCopyOfCli(settings, lifespan);
        try {
            String token = Realm.passwordToken(Realm.tokenUrl(keycloakVia("127.0.0.1")), client, "alice");
            JsonPath claims = Realm.claims(token);
            assertEquals(lifespan.toSeconds(), claims.getLong("exp") - claims.getLong("iat"), "the token's lifespan");
            assertEquals(settings.issuerUrl(), claims.getString("iss"));

            // accepted until it expires, then refused: no other answer is allowed on the way
            Response refused = await("the token expires").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> listOrders(token), r -> r.statusCode() != 200);

            for (ServiceApp app : ServiceApp.apis()) {
                Response answer = app == ServiceApp.PROCUREMENT ? refused : given().filter(responses(app)).auth().oauth2(token)
                        .get(url(app, app == ServiceApp.TARIFF ? "/api/duty-rates" : "/api/rig-models"));
                assertEquals(401, answer.statusCode(), app.id() + ": " + answer.asString());
                Map<String, String> challenge = bearerChallenge(answer.header("WWW-Authenticate"), app);
                assertEquals("invalid_token", challenge.get("error"), app.id() + ": " + challenge);
                String description = challenge.getOrDefault("error_description", "");
                assertTrue(description.toLowerCase().contains("expired"), app.id() + ": error_description " + description);
                assertTrue(answer.contentType().startsWith("application/problem+json"), app.id() + ": " + answer.contentType());
                String detail = answer.jsonPath().getString("detail");
                assertTrue(detail != null && detail.contains(description), app.id() + ": the problem detail " + detail
                        + " gives the same reason as the header: " + description);
            }
        } finally {
            Realm.deleteClient(settings, client);
        }
    }

    @Test
    void realTokenOfAnotherRealmGets401NamingTheIssuerItCameFromAndTheOneTrusted() {
        String token = Realm.masterRealmToken(settings);
        String issuer = Realm.claims(token).getString("iss");
        assertTrue(issuer.endsWith("/realms/master"), issuer);

        for (ServiceApp app : ServiceApp.apis()) {
            Response answer = given().filter(responses(app)).auth().oauth2(token)
                    .get(url(app, app == ServiceApp.TARIFF ? "/api/duty-rates" : app == ServiceApp.INVENTORY
                            ? "/api/rig-models" : "/api/purchase-orders"));
            assertEquals(401, answer.statusCode(), app.id() + ": " + answer.asString());
            Map<String, String> challenge = bearerChallenge(answer.header("WWW-Authenticate"), app);
            assertEquals("invalid_token", challenge.get("error"), app.id() + ": " + challenge);
            assertEquals("wrong issuer: the token was issued by " + issuer + ", this service trusts " + settings.issuerUrl(),
                    challenge.get("error_description"), app.id());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Each service answers 200 to a read that alice (operator, northwind) may make. */
    private static void everyServiceAccepts(String token) {
        given().filter(contract(ServiceApp.PROCUREMENT)).auth().oauth2(token)
                .get(url(ServiceApp.PROCUREMENT, "/api/purchase-orders"))
                .then().statusCode(200);
        given().filter(contract(ServiceApp.INVENTORY)).auth().oauth2(token)
                .get(url(ServiceApp.INVENTORY, "/api/rig-models"))
                .then().statusCode(200);
        given().filter(contract(ServiceApp.TARIFF)).auth().oauth2(token)
                .get(url(ServiceApp.TARIFF, "/api/duty-rates"))
                .then().statusCode(200);
    }

    private static Response listOrders(String token) {
        return given().filter(responses(ServiceApp.PROCUREMENT)).auth().oauth2(token)
                .get(url(ServiceApp.PROCUREMENT, "/api/purchase-orders"));
    }

    /** The parameters of a {@code Bearer} challenge (RFC 6750, section 3). */
    private static Map<String, String> bearerChallenge(String header, ServiceApp app) {
        assertTrue(header != null && header.startsWith("Bearer"), app.id() + ": WWW-Authenticate " + header);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = AUTH_PARAM.matcher(header.substring("Bearer".length()));
        while (m.find()) {
            params.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
        }
        return params;
    }

    private static String keycloakVia(String host) {
        return "http://" + host + ":" + settings.keycloakPort();
    }

    private static String url(ServiceApp app, String path) {
        return settings.serviceUrl(app) + path;
    }

    private static String spec(ServiceApp app) {
        return Calls.spec(settings, app);
    }

    private static OpenApiValidationFilter contract(ServiceApp app) {
        return Contract.strict(spec(app));
    }

    private static OpenApiValidationFilter responses(ServiceApp app) {
        return Contract.responses(spec(app));
    }
}
