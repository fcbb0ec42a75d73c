package io.rigledger.procurement.order;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.procurement.upstream.Catalogue;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.badlyAs;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a neighbour cannot help: tariff-service down or slow leaves the order PENDING, and the
 * re-quote (scheduled, once per order whatever the number of replicas, or on demand) fills it in;
 * an unreadable catalogue is 503 with nothing stored; unquotable lines are the caller's to fix (422).
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

    @Inject
    Catalogue catalogue;

    @Inject
    RequoteJob requote;

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

    private static String placed(String org) {
        return as(Tokens.operator(org)).body(oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY")).post("/api/purchase-orders")
                .then().statusCode(201).body("dutyEstimate.status", equalTo("PENDING"))
                .body("dutyEstimate.totalDuty", nullValue())
                .body("lines[0].estimatedDuty", nullValue())
                .body("lines[0].perUnit.price", equalTo(new BigDecimal("4000.00")))
                .body("lines[0].perUnit.landedCost", nullValue())
                .extract().path("id");
    }

    private long quotesFor(String org) {
        return upstreams.quoteRequests().stream().filter(r -> org.equals(r.getHeader("X-On-Behalf-Of-Org"))).count();
    }

    @Test
    void tariffDownLeavesTheOrderPendingAndTheScheduledRequoteFillsItInOnceItIsBack() {
        upstreams.tariffFails();
        String org = newOrg();
        String id = placed(org);
        assertEquals(2, upstreams.quoteCalls(), "tried twice, then left for the scheduler");
        requote.runOnce();
        as(Tokens.operator(org)).get("/api/purchase-orders/" + id).then().body("dutyEstimate.status", equalTo("PENDING"));

        upstreams.reset();
        circuits.resetAll();
        requote.runOnce();
        as(Tokens.operator(org)).get("/api/purchase-orders/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("dutyEstimate.status", equalTo("QUOTED"))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("208.00")))
                .body("lines[0].perUnit.duty", equalTo(new BigDecimal("104.00")));
    }

    @Test
    void aTariffServiceSlowerThanTheReadTimeoutLeavesTheOrderPending() {
        upstreams.tariffSlow(2600); // read timeout 2 s
        long start = System.nanoTime();
        placed(newOrg());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 6000, "two attempts of 2 s each, not of 2.6 s: took " + millis + " ms");
    }

    @Test
    void withThreeReplicasEachPendingOrderIsQuotedOnce() throws Exception {
        upstreams.tariffUnreachable();
        String org = newOrg();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(placed(org));
        }
        upstreams.reset();
        circuits.resetAll();
        Callable<Integer> replica = () -> requote.runOnce();
        LifecycleTest.concurrently(replica, replica, replica);
        assertEquals(6, quotesFor(org), "one quote per order");
        as(Tokens.operator(org)).get("/api/purchase-orders").then()
                .body("items.dutyEstimate.status", everyItem(equalTo("QUOTED")));
        requote.runOnce();
        assertEquals(6, quotesFor(org), "a quoted order is not quoted again");
    }

    @Test
    void aRequoteOnDemandStoresANewQuoteOrIs503AndChangesNothing() {
        upstreams.tariffUnreachable();
        String org = newOrg();
        String id = placed(org);
        badlyAs(Tokens.finance(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + id + "/requote")
                .then().statusCode(503).body("type", equalTo(UPSTREAM_UNAVAILABLE));
        badlyAs(Tokens.finance(org)).get("/api/purchase-orders/" + id + "/landed-cost")
                .then().statusCode(409).body("detail", containsString("PENDING"));
        upstreams.reset();
        circuits.resetAll();
        as(Tokens.finance(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + id + "/requote")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("dutyEstimate.status", equalTo("QUOTED"))
                .body("dutyEstimate.totalDuty", equalTo(new BigDecimal("208.00")));
    }

    @Test
    void anOpenCircuitLeavesOrdersPendingAtOnce() {
        upstreams.tariffFails();
        String org = newOrg();
        for (int i = 0; i < 3; i++) {
            placed(org); // two attempts each: six failures in a window of six open the circuit
        }
        int calls = upstreams.quoteCalls();
        long start = System.nanoTime();
        placed(org);
        assertEquals(calls, upstreams.quoteCalls(), "an open circuit does not call tariff-service");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "answered at once");
    }

    @Test
    void anUnreadableCatalogueIs503AndNothingIsStoredNorQuoted() {
        catalogue.forget();
        upstreams.inventoryFails();
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(UPSTREAM_UNAVAILABLE))
                .body("detail", containsString("inventory-service"));
        assertEquals(0, upstreams.quoteCalls());
        as(Tokens.operator(org)).get("/api/purchase-orders").then().body("items", empty());
        catalogue.forget();
    }

    @Test
    void aLineTariffServiceCannotQuoteIs422NamingItAndNothingIsStored() {
        upstreams.quoteRejects("lines[0].htsCode", "no duty measure covers 8471.50.0150 from MY on 2026-12-15");
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders")
                .then().statusCode(422)
                .body("violations.field", equalTo(List.of("lines[0].htsCode")))
                .body(not(containsString("Exception")));
        assertEquals(1, upstreams.quoteCalls(), "a refusal is an answer: not retried");
        as(Tokens.operator(org)).get("/api/purchase-orders").then().body("items", empty());
    }

    @Test
    void bothNeighboursReceiveTheClientCredentialsToken() {
        catalogue.forget();
        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders").then().statusCode(201)
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("104.00")));
        String header = upstreams.quoteRequests().get(0).getHeader("Authorization");
        assertEquals(header, upstreams.modelRequests().get(0).getHeader("Authorization"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "procurement-service:procurement-service-secret".getBytes(StandardCharsets.UTF_8));
        List<ServeEvent> answers = keycloak.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/realms/quarkus/token"))
                .toList();
        List<ServeEvent> grants = answers.stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("grant_type=client_credentials"))
                .toList();
        assertFalse(grants.isEmpty(), "a client-credentials grant was requested");
        for (ServeEvent grant : grants) {
            assertEquals(basic, grant.getRequest().getHeader("Authorization"));
        }
        // the service may have renewed its token since the first grant (a long run outlives the token: a refresh grant,
        // ServiceTokenRefresh; the outbox asks for one too): the neighbours get one of the tokens the realm's token
        // endpoint issued, by either grant
        List<String> issued = answers.stream()
                .map(e -> "Bearer " + JsonPath.from(e.getResponse().getBodyAsString()).getString("access_token"))
                .toList();
        assertTrue(issued.contains(header), header + " is not among the issued tokens " + issued);
    }

    @Test
    void aNeighbourRefusingOurTokenIs503NotTheCallersFault() {
        catalogue.forget();
        upstreams.inventoryRejectsTokens();
        String org = newOrg();
        badlyAs(Tokens.operator(org)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders")
                .then().statusCode(503).body("type", equalTo(UPSTREAM_UNAVAILABLE));
        as(Tokens.operator(org)).get("/api/purchase-orders").then().body("items", empty());
        catalogue.forget();
    }
}
