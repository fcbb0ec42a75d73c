package io.rigledger.procurement.order;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.badlyAs;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What placing an order does when a neighbour cannot help: unknown models and unquotable lines
 * are the caller's to fix (422); an unavailable neighbour is a 503 and nothing is stored.
 */
@QuarkusTest
class UpstreamFailureTest {

    static final String UPSTREAM_UNAVAILABLE = "https://rigledger.io/problems/upstream-unavailable";

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @OidcWireMock
    WireMockServer keycloak;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @AfterEach
    void everyExchangeWithTheNeighboursKeptTheirContracts() {
        assertEquals(List.of(), upstreams.contractBreaches());
        circuits.resetAll();
    }

    private static void nothingStoredFor(String org) {
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
    }

    @Test
    void unknownModelIs422NamingEveryLineThatUsesIt() {
        String org = newOrg();
        badlyAs(Tokens.operator(org))
                .body("""
                        {"supplier":"Bitmain","expectedEntryDate":"2026-12-15","lines":[
                          {"model":"antminer-s21","quantity":1,"unitPrice":4000.00,"originCountry":"MY"},
                          {"model":"antminer-s99","quantity":1,"unitPrice":9000.00,"originCountry":"MY"},
                          {"model":"antminer-s99","quantity":2,"unitPrice":9000.00,"originCountry":"CN"}]}""")
                .post("/api/purchase-orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://rigledger.io/problems/unprocessable"))
                .body("violations.field", equalTo(List.of("lines[1].model", "lines[2].model")))
                .body("detail", containsString("antminer-s99"));
        assertEquals(2, upstreams.modelCalls(), "antminer-s99 asked once");
        assertEquals(0, upstreams.quoteCalls(), "no quote for an order that cannot be placed");
        nothingStoredFor(org);
    }

    @Test
    void aLineTariffServiceCannotQuoteIs422NamingIt() {
        String org = newOrg();
        badlyAs(Tokens.operator(org))
                .body("""
                        {"supplier":"Bitmain","expectedEntryDate":"2026-12-15","lines":[
                          {"model":"antminer-s21","quantity":1,"unitPrice":4000.00,"originCountry":"MY"},
                          {"model":"antminer-s21","quantity":1,"unitPrice":4000.00,"originCountry":"CN","htsCode":"8471.50.0150"}]}""")
                .post("/api/purchase-orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[1].htsCode")))
                .body("violations[0].message", containsString("8471.50.0150"));
        assertEquals(1, upstreams.quoteCalls(), "a refusal is an answer: not retried");
        nothingStoredFor(org);
    }

    @Test
    void aQuoteRefusalForTheDateNamesTheExpectedEntryDate() {
        upstreams.quoteRejects("entryDate", "no schedule covers 1980-01-01");
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(422)
                .body("violations.field", equalTo(List.of("expectedEntryDate")));
        nothingStoredFor(org);
    }

    @Test
    void tariffDownGives503AndStoresNothing() {
        upstreams.tariffFails();
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(UPSTREAM_UNAVAILABLE))
                .body("detail", containsString("tariff-service"))
                .body(not(containsString("upstream crashed")));
        assertEquals(3, upstreams.quoteCalls(), "a quote stores nothing, so it is tried three times");
        nothingStoredFor(org);
    }

    @Test
    void tariffUnreachableGives503AndStoresNothing() {
        upstreams.tariffUnreachable();
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).body("type", equalTo(UPSTREAM_UNAVAILABLE));
        nothingStoredFor(org);
    }

    @Test
    void aTariffServiceSlowerThanTheReadTimeoutGives503() {
        upstreams.tariffSlow(2600); // read timeout 2 s
        String org = newOrg();
        long start = System.nanoTime();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).body("type", equalTo(UPSTREAM_UNAVAILABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 9000, "three attempts of 2 s each, not three of 2.6 s: took " + millis + " ms");
        nothingStoredFor(org);
    }

    @Test
    void inventoryDownGives503WithoutAskingForAQuote() {
        upstreams.inventoryFails();
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(UPSTREAM_UNAVAILABLE))
                .body("detail", containsString("inventory-service"));
        assertEquals(3, upstreams.modelCalls(), "a catalogue read is retried");
        assertEquals(0, upstreams.quoteCalls());
        nothingStoredFor(org);
    }

    @Test
    void circuitBreakerOpensAfterRepeatedFailuresThenCallsFailFast() {
        upstreams.tariffFails();
        String org = newOrg();
        // two orders, three attempts each: six failures in a window of six opens the circuit
        for (int i = 0; i < 2; i++) {
            badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                    .post("/api/purchase-orders").then().statusCode(503);
        }
        int callsWhenOpened = upstreams.quoteCalls();
        assertEquals(6, callsWhenOpened);

        upstreams.reset(); // tariff-service is healthy again, but the circuit stays open for its delay
        long start = System.nanoTime();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(UPSTREAM_UNAVAILABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, upstreams.quoteCalls(), "an open circuit does not call tariff-service");
        assertTrue(millis < 1000, "an open circuit answers at once: took " + millis + " ms");
        nothingStoredFor(org);

        circuits.resetAll(); // the delay has passed: calls go through again
        as(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders").then().statusCode(201);
    }

    @Test
    void bothNeighboursReceiveTheClientCredentialsToken() {
        place();
        String header = upstreams.quoteRequests().get(0).getHeader("Authorization");
        assertEquals(header, upstreams.modelRequests().get(0).getHeader("Authorization"));

        // the token is the one Keycloak (the OIDC test server) issued to client procurement-service
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "procurement-service:procurement-service-secret".getBytes(StandardCharsets.UTF_8));
        List<ServeEvent> grants = keycloak.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/realms/quarkus/token"))
                .filter(e -> e.getRequest().getBodyAsString().contains("grant_type=client_credentials"))
                .toList();
        assertFalse(grants.isEmpty(), "a client-credentials grant was requested");
        LoggedRequest grant = grants.get(0).getRequest();
        assertEquals(basic, grant.getHeader("Authorization"));
        String issued = JsonPath.from(grants.get(0).getResponse().getBodyAsString()).getString("access_token");
        assertEquals("Bearer " + issued, header);
    }

    private static void place() {
        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders").then().statusCode(201)
                .body("lines[0].estimatedDuty", equalTo(new java.math.BigDecimal("104.00")));
    }

    @Test
    void aNeighbourRefusingOurTokenIs503NotTheCallersFault() {
        upstreams.inventoryRejectsTokens(); // e.g. client procurement-service lost its service role
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).body("type", equalTo(UPSTREAM_UNAVAILABLE));
        nothingStoredFor(org);
        assertTrue(upstreams.modelRequests().stream().allMatch(r -> r.getHeader("Authorization").startsWith("Bearer ")));
    }
}
