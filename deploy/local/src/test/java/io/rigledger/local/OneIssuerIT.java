package io.rigledger.local;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Contract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One issuer, end to end with the real Keycloak: it runs with a fixed hostname (KC_HOSTNAME, by
 * default http://localhost:8180), so a token fetched through http://127.0.0.1:8180 or
 * http://localhost:8180 carries the same {@code iss} and every service accepts it; the services
 * themselves reach Keycloak through 127.0.0.1, as pods reach it through an in-cluster address.
 */
@ExtendWith(LocalStackExtension.class)
class OneIssuerIT {

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

    private static String keycloakVia(String host) {
        return "http://" + host + ":" + settings.keycloakPort();
    }

    private static String url(ServiceApp app, String path) {
        return settings.serviceUrl(app) + path;
    }

    private static String spec(ServiceApp app) {
        String file = app.id().substring(0, app.id().indexOf('-')) + ".yaml";
        return settings.root().resolve(app.id()).resolve("src/main/openapi").resolve(file).toString();
    }

    private static OpenApiValidationFilter contract(ServiceApp app) {
        return Contract.strict(spec(app));
    }

}
