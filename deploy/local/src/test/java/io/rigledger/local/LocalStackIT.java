package io.rigledger.local;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.rigledger.testsupport.Contract;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the packaged services, a real Keycloak with the rigledger realm and embedded
 * PostgreSQL, started once for the run by the same launcher as ./run.sh ({@link LocalStackExtension}).
 * Tokens are real (password and client-credentials grants); every call is checked against the contracts.
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackSettings settings;
    private static String procurementSpec;
    private static String inventorySpec;

    @BeforeAll
    static void contracts(LocalStack stack) {
        settings = stack.settings();
        procurementSpec = Calls.spec(settings, ServiceApp.PROCUREMENT);
        inventorySpec = Calls.spec(settings, ServiceApp.INVENTORY);
    }

    // ---- tokens ------------------------------------------------------------------------------

    @Test
    void aliceTokenCarriesHerOrganisationAndRoles() {
        JsonPath claims = claims(passwordToken("alice"));

        assertEquals("northwind", claims.getString("org"));
        assertEquals("alice", claims.getString("preferred_username"));
        assertEquals(settings.issuerUrl(), claims.getString("iss"));
        assertTrue(claims.getList("groups").contains("operator"), "groups: " + claims.getList("groups"));
        assertTrue(claims.getList("realm_access.roles").contains("operator"));
    }

    @Test
    void adminHasNoOrganisation() {
        JsonPath claims = claims(passwordToken("ada"));

        assertNull(claims.get("org"));
        assertTrue(claims.getList("groups").contains("admin"));
    }

    @Test
    void procurementServiceAccountTokenHasRoleService() {
        String token = Realm.serviceToken(settings.tokenUrl(), ServiceApp.PROCUREMENT);
        JsonPath claims = claims(token);

        assertTrue(claims.getList("groups").contains("service"), "groups: " + claims.getList("groups"));
        assertEquals("service-account-procurement-service", claims.getString("preferred_username"));
        assertNull(claims.get("org"));
    }

    // ---- purchase orders -------------------------------------------------------------------

    @Test
    void operatorPlacesOrderPricedByTariffService() throws Exception {
        String alice = passwordToken("alice");

        Response created = given().filter(procurement()).auth().oauth2(alice)
                .contentType(ContentType.JSON).body(purchaseOrderExample())
                .post(procurementUrl())
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("org", equalTo("northwind"))
                .body("createdBy", equalTo("alice"))
                .body("lines", hasSize(2))
                .body("dutyEstimate.source", equalTo("tariff-service"))
                .body("dutyEstimate.entryDate", equalTo("2026-12-15"))
                .extract().response();

        JsonNode order = Calls.json(created); // exact decimals, scale kept (Calls.MONEY)
        BigDecimal totalDuty = order.at("/dutyEstimate/totalDuty").decimalValue();
        BigDecimal sumOfLines = BigDecimal.ZERO;
        for (JsonNode line : order.get("lines")) {
            sumOfLines = sumOfLines.add(line.get("estimatedDuty").decimalValue());
        }
        assertTrue(totalDuty.signum() > 0, "totalDuty " + totalDuty);
        assertEquals(0, totalDuty.compareTo(sumOfLines), "totalDuty " + totalDuty + " vs lines " + sumOfLines);

        String id = order.get("id").asText();
        given().filter(procurement()).auth().oauth2(alice)
                .get(procurementUrl() + "/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        assertTrue(orderIds(alice).contains(id), "alice's list has her new order");
    }

    @Test
    void operatorOfAnotherOrganisationGets404AndDoesNotSeeTheOrder() {
        String id = placeOrderAsAlice();
        String bob = passwordToken("bob");

        given().filter(procurement()).auth().oauth2(bob)
                .get(procurementUrl() + "/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        assertFalse(orderIds(bob).contains(id), "bob must not see northwind's order");
    }

    @Test
    void financeReadsOrdersButCannotPlaceThem() {
        String id = placeOrderAsAlice();
        String fiona = passwordToken("fiona");

        given().filter(procurement()).auth().oauth2(fiona)
                .get(procurementUrl() + "/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().filter(procurement()).auth().oauth2(fiona)
                .contentType(ContentType.JSON).body(purchaseOrderExample())
                .post(procurementUrl())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void requestWithoutTokenGets401() {
        given().filter(procurementResponses())
                .get(procurementUrl())
                .then().statusCode(401);
        given().filter(procurementResponses())
                .contentType(ContentType.JSON).body(purchaseOrderExample())
                .post(procurementUrl())
                .then().statusCode(401);
    }

    @Test
    void malformedJsonGets400ProblemDetails() {
        given().filter(procurementResponses()).auth().oauth2(passwordToken("alice"))
                .contentType(ContentType.JSON).body("{\"supplier\": \"Bitmain\", \"lines\": [")
                .post(procurementUrl())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void launcherPrintsTheContractsExampleOrder() throws Exception {
        assertEquals(JSON.readValue(purchaseOrderExample(), Map.class),
                JSON.readValue(LocalStack.PURCHASE_ORDER_EXAMPLE, Map.class));
    }

    // ---- rigs --------------------------------------------------------------------------------

    @Test
    void operatorRegistersRigsThatAnotherOrganisationDoesNotSee() throws Exception {
        String alice = passwordToken("alice");
        ObjectNode registration = (ObjectNode) JSON.readTree(example(inventorySpec, "/api/rigs"));
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase() + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        ArrayNode rigs = (ArrayNode) registration.get("rigs");
        // the example's order reference is made up: inventory checks it with procurement, so name a real order of alice's
        String order = placeOrderAsAlice();
        for (int i = 0; i < rigs.size(); i++) {
            ObjectNode rig = (ObjectNode) rigs.get(i);
            rig.put("serialNumber", "E2E" + run + "N" + i);
            if (rig.has("purchaseOrderId")) {
                rig.put("purchaseOrderId", order).put("orderLineNumber", 1);
            }
        }

        JsonPath registered = given().filter(inventory()).auth().oauth2(alice)
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(registration))
                .post(rigsUrl())
                .then().statusCode(201)
                .body("items", hasSize(rigs.size()))
                .body("items[0].serialNumber", equalTo("E2E" + run + "N0"))
                .extract().jsonPath();
        List<String> ids = registered.getList("items.id");

        List<String> alicesRigs = rigIds(alice);
        assertTrue(alicesRigs.containsAll(ids), "alice lists the rigs she registered");

        String bob = passwordToken("bob");
        List<String> bobsRigs = rigIds(bob);
        assertTrue(ids.stream().noneMatch(bobsRigs::contains), "bob must not see northwind's rigs");
        given().filter(inventory()).auth().oauth2(bob)
                .get(rigsUrl() + "/" + ids.get(0))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRigMayNotNameAnotherOrganisationsOrderWhichAnswersLikeAMissingOne() throws Exception {
        String order = placeOrderAsAlice();
        String bob = passwordToken("bob");
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase() + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        List<String> details = new ArrayList<>();
        for (String reference : List.of(order, UUID.randomUUID().toString())) {
            String body = "{\"rigs\":[{\"serialNumber\":\"E2EB" + run + details.size() + "\",\"model\":\"antminer-s21-xp\","
                    + "\"originCountry\":\"MY\",\"purchaseOrderId\":\"" + reference + "\",\"orderLineNumber\":1}]}";
            details.add(given().filter(inventory()).auth().oauth2(bob)
                    .contentType(ContentType.JSON).body(body)
                    .post(rigsUrl())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("rigs[0].purchaseOrderId"))
                    .extract().path("violations[0].message"));
        }
        assertEquals(details.get(0).replace(order, "ID"), details.get(1).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"),
                "alice's order and a missing one are refused alike");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String placeOrderAsAlice() {
        return given().filter(procurement()).auth().oauth2(passwordToken("alice"))
                .contentType(ContentType.JSON).body(purchaseOrderExample())
                .post(procurementUrl())
                .then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> orderIds(String token) {
        return given().filter(procurement()).auth().oauth2(token)
                .queryParam("limit", 1000)
                .get(procurementUrl())
                .then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    /** Every rig id the caller's organisation has, over every page (the fault tests register over a thousand). */
    private static List<String> rigIds(String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = given().filter(inventory()).auth().oauth2(token).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get(rigsUrl()).then().statusCode(200).extract().jsonPath();
            ids.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        return ids;
    }

    /** A person's access token from the real Keycloak (password grant; password = user name). */
    private static String passwordToken(String user) {
        return Realm.passwordToken(settings.tokenUrl(), Realm.CLI_CLIENT, user);
    }

    private static JsonPath claims(String jwt) {
        return Realm.claims(jwt);
    }

    private static String purchaseOrderExample() {
        return example(procurementSpec, "/api/purchase-orders");
    }

    /** The request example of POST {@code path}, straight from the contract. */
    private static String example(String spec, String path) {
        OpenAPI api = new OpenAPIV3Parser().read(spec);
        Object example = api.getPaths().get(path).getPost().getRequestBody().getContent()
                .get("application/json").getExample();
        try {
            return Json.mapper().writeValueAsString(example);
        } catch (Exception e) {
            throw new IllegalStateException("no JSON example for POST " + path + " in " + spec, e);
        }
    }

    private static String procurementUrl() {
        return settings.serviceUrl(ServiceApp.PROCUREMENT) + "/api/purchase-orders";
    }

    private static String rigsUrl() {
        return settings.serviceUrl(ServiceApp.INVENTORY) + "/api/rigs";
    }

    private static OpenApiValidationFilter procurement() {
        return Contract.strict(procurementSpec);
    }

    private static OpenApiValidationFilter procurementResponses() {
        return Contract.responses(procurementSpec);
    }

    private static OpenApiValidationFilter inventory() {
        return Contract.strict(inventorySpec);
    }
}
