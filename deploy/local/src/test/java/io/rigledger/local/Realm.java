package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Keycloak of the local stack as the end-to-end tests use it: tokens of the rigledger
 * realm fetched through a chosen address, their claims, and the few admin REST calls a test needs
 * (a throw-away client with a short access-token lifespan, a client's token lifespan for a while, the
 * sessions of a person, a person of another organisation for one run). Nothing here changes the realm file.
 */
final class Realm {

    /** The public client people use (password grant), as in the README's curl. */
    static final String CLI_CLIENT = "rigledger-cli";

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Creates a copy of {@link #CLI_CLIENT} (same mappers: roles, org, the services' audiences) whose
     * access tokens live {@code lifespan} (Keycloak's client attribute {@code access.token.lifespan},
     * whole seconds), so that a test gets a really expired token within seconds.
     *
     * @return the new client's client id, unique per call; remove it with {@link #deleteClient}
     */
    static String shortLivedCopyOfCli(StackSettings settings, Duration lifespan) throws Exception {
        String admin = adminToken(settings);
        JsonNode found = JSON.readTree(given().auth().oauth2(admin)
                .queryParam("clientId", CLI_CLIENT)
                .get(adminUrl(settings) + "/clients")
                .then().statusCode(200)
                .extract().asString());
        ObjectNode copy = (ObjectNode) found.get(0);
        String clientId = "e2e-short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        copy.remove("id");
        copy.put("clientId", clientId);
        copy.put("name", clientId);
        copy.put("description", "end-to-end test only: access tokens live " + lifespan.toSeconds() + " s");
        copy.withArrayProperty("protocolMappers").forEach(m -> ((ObjectNode) m).remove("id"));
        copy.withObjectProperty("attributes").put("access.token.lifespan", Long.toString(lifespan.toSeconds()));
        given().auth().oauth2(admin)
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(copy))
                .post(adminUrl(settings) + "/clients")
                .then().statusCode(201);
        return clientId;
    }

    /**
     * Removes a client created by a test. A client created just before Keycloak was killed (SIGKILL)
     * may be gone after the restart: start-dev keeps the realm in an H2 file whose last writes a
     * kill can lose; then there is nothing to remove and this says so.
     */
    static void deleteClient(StackSettings settings, String clientId) {
        String admin = adminToken(settings);
        String id = given().auth().oauth2(admin)
                .queryParam("clientId", clientId)
                .get(adminUrl(settings) + "/clients")
                .then().statusCode(200)
                .extract().path("[0].id");
        if (id == null) {
            LocalStack.say("client " + clientId + " is not in the realm (lost with Keycloak's last writes at the kill): nothing to remove");
            return;
        }
        given().auth().oauth2(admin)
                .delete(adminUrl(settings) + "/clients/" + id)
                .then().statusCode(204);
    }

    /**
     * Sets the access-token lifespan of client {@code clientId} (Keycloak's client attribute
     * {@code access.token.lifespan}, whole seconds; the ID token expires with the access token), or
     * removes it when {@code lifespan} is null so that the realm's 300 s apply again.
     */
    static void tokenLifespan(StackSettings settings, String clientId, Duration lifespan) throws Exception {
        String admin = adminToken(settings);
        ObjectNode client = (ObjectNode) JSON.readTree(given().auth().oauth2(admin)
                .queryParam("clientId", clientId)
                .get(adminUrl(settings) + "/clients")
                .then().statusCode(200)
                .extract().asString()).get(0);
        ObjectNode attributes = client.withObjectProperty("attributes");
        if (lifespan == null) {
            attributes.remove("access.token.lifespan");
        } else {
            attributes.put("access.token.lifespan", Long.toString(lifespan.toSeconds()));
        }
        given().auth().oauth2(admin)
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(client))
                .put(adminUrl(settings) + "/clients/" + client.get("id").asText())
                .then().statusCode(204);
    }

    /** The ids of {@code user}'s Keycloak sessions that client {@code clientId} takes part in. */
    static List<String> sessions(StackSettings settings, String user, String clientId) throws Exception {
        String admin = adminToken(settings);
        String userId = given().auth().oauth2(admin)
                .queryParam("username", user).queryParam("exact", true)
                .get(adminUrl(settings) + "/users")
                .then().statusCode(200)
                .extract().path("[0].id");
        JsonNode sessions = JSON.readTree(given().auth().oauth2(admin)
                .get(adminUrl(settings) + "/users/" + userId + "/sessions")
                .then().statusCode(200)
                .extract().asString());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : sessions) {
            for (JsonNode c : s.path("clients")) {
                if (clientId.equals(c.asText())) {
                    ids.add(s.get("id").asText());
                }
            }
        }
        return ids;
    }

    /** Ends {@code user}'s Keycloak sessions that client {@code clientId} takes part in, as an expired session ends. */
    static void endSessions(StackSettings settings, String user, String clientId) throws Exception {
        String admin = adminToken(settings);
        for (String id : sessions(settings, user, clientId)) {
            given().auth().oauth2(admin)
                    .delete(adminUrl(settings) + "/sessions/" + id)
                    .then().statusCode(204);
        }
    }

    /**
     * Adds a person of organisation {@code org} with realm role {@code role} (password = user name, as
     * the demo users'), unless the realm has one of that name already: the realm file gives southpeak
     * only bob, an operator, and a test of what another organisation's finance or ops person can reach
     * needs one of each. The person lives in this run's Keycloak only (its database is dropped at every
     * start of the stack); the realm file is not changed.
     */
    static void addPerson(StackSettings settings, String user, String org, String role) throws Exception {
        String admin = adminToken(settings);
        ObjectNode person = JSON.createObjectNode().put("username", user).put("enabled", true).put("emailVerified", true)
                .put("firstName", user).put("lastName", org).put("email", user + "@" + org + ".example");
        person.putArray("credentials").addObject().put("type", "password").put("value", user).put("temporary", false);
        person.putObject("attributes").putArray("org").add(org);
        int created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(JSON.writeValueAsString(person))
                .post(adminUrl(settings) + "/users").statusCode();
        if (created == 409) {
            return;
        }
        assertEquals(201, created, "Keycloak added " + user);
        String userId = given().auth().oauth2(admin)
                .queryParam("username", user).queryParam("exact", true)
                .get(adminUrl(settings) + "/users")
                .then().statusCode(200)
                .extract().path("[0].id");
        String realmRole = given().auth().oauth2(admin)
                .get(adminUrl(settings) + "/roles/" + role)
                .then().statusCode(200)
                .extract().asString();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[" + realmRole + "]")
                .post(adminUrl(settings) + "/users/" + userId + "/role-mappings/realm")
                .then().statusCode(204);
    }

    /** A real token of Keycloak's master realm (its admin): a token of another issuer, signed with another realm's key. */
    static String masterRealmToken(StackSettings settings) {
        return adminToken(settings);
    }

    private static String adminToken(StackSettings settings) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", StackSettings.KEYCLOAK_ADMIN)
                .formParam("password", StackSettings.KEYCLOAK_ADMIN_PASSWORD)
                .post(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String adminUrl(StackSettings settings) {
        return settings.keycloakUrl() + "/admin/realms/" + StackSettings.REALM;
    }
}
