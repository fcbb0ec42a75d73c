package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.badlyAs;
import static io.rigledger.procurement.order.OrderResourceTest.line;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static io.rigledger.procurement.order.OrderResourceTest.place;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DRAFT -> SUBMITTED -> CONFIRMED, CANCELLED, PATCH of drafts: every change needs If-Match, and no update is lost. */
@QuarkusTest
class LifecycleTest {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

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
    }

    static Response move(String org, String id, String move, String etag) {
        var spec = badlyAs(Tokens.operator(org));
        if (etag != null) {
            spec.header("If-Match", etag);
        }
        return spec.post("/api/purchase-orders/" + id + "/" + move);
    }

    @Test
    void anOrderIsSubmittedConfirmedAndCancelledEachMoveWithTheETagItWasReadAt() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + id + "/submit")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("SUBMITTED")).body("version", equalTo(1));
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + id + "/confirm")
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("status", equalTo("CONFIRMED"));
        as(Tokens.operator(org)).header("If-Match", "\"2\"").post("/api/purchase-orders/" + id + "/cancel")
                .then().statusCode(200).header("ETag", equalTo("\"3\"")).body("status", equalTo("CANCELLED"));
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"3\"")).body("status", equalTo("CANCELLED"));
    }

    @Test
    void withoutIfMatchIs428AndWithAStaleOneIs412AndNothingChanges() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
        move(org, id, "submit", null).then().statusCode(428).contentType("application/problem+json")
                .body("violations[0].field", equalTo("If-Match"));
        move(org, id, "submit", "\"7\"").then().statusCode(412).contentType("application/problem+json");
        move(org, id, "submit", "W/\"0\"").then().statusCode(412);
        badlyAs(Tokens.operator(org)).body("{\"supplier\":\"Canaan\"}").patch("/api/purchase-orders/" + id)
                .then().statusCode(428);
        as(Tokens.operator(org)).get("/api/purchase-orders/" + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));
    }

    @Test
    void everyMoveTheStatusDoesNotAllowIs409() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
        move(org, id, "confirm", "\"0\"").then().statusCode(409).body("detail", containsString("DRAFT"));
        move(org, id, "submit", "\"0\"").then().statusCode(200);
        move(org, id, "submit", "\"1\"").then().statusCode(409);
        move(org, id, "confirm", "\"1\"").then().statusCode(200);
        move(org, id, "submit", "\"2\"").then().statusCode(409);
        move(org, id, "confirm", "\"2\"").then().statusCode(409);
        badlyAs(Tokens.operator(org)).header("If-Match", "\"2\"").body("{\"supplier\":\"Canaan\"}")
                .patch("/api/purchase-orders/" + id).then().statusCode(409);
        move(org, id, "cancel", "\"2\"").then().statusCode(200);
        for (String m : List.of("submit", "confirm", "cancel", "requote")) {
            move(org, id, m, "\"3\"").then().statusCode(409);
        }
    }

    @Test
    void aDraftIsEditedAndNewLinesArePricedAgain() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
        as(Tokens.operator(org)).header("If-Match", "\"0\"").body("{\"supplier\":\"Bitmain Technologies\",\"destinationSite\":\"AUS2\"}")
                .patch("/api/purchase-orders/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("supplier", equalTo("Bitmain Technologies")).body("destinationSite", equalTo("AUS2"))
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("208.00")));
        assertEquals(1, upstreams.quoteCalls(), "a new supplier name needs no new quote");
        as(Tokens.operator(org)).header("If-Match", "\"1\"")
                .body("{\"lines\":[" + line("antminer-s21-xp", "BITMAIN-ID", 3, "5000.00") + "]}")
                .patch("/api/purchase-orders/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("lines[0].sku", equalTo("antminer-s21-xp")).body("lines[0].originCountry", equalTo("ID"))
                .body("totalValue", equalTo(new BigDecimal("15000.00")))
                .body("lines[0].estimatedDuty", equalTo(new BigDecimal("390.00")));
        assertEquals(2, upstreams.quoteCalls());
        as(Tokens.operator(org)).header("If-Match", "\"2\"").body("{\"incoterm\":\"DDP\"}").patch("/api/purchase-orders/" + id)
                .then().statusCode(200).body("dutyEstimate.status", equalTo("SUPPLIER_PAYS"));
        badlyAs(Tokens.operator(org)).header("If-Match", "\"3\"").body("{}").patch("/api/purchase-orders/" + id)
                .then().statusCode(400);
    }

    @Test
    void twoUpdatesWithTheSameETagAtOnceGiveOneSuccessAndOne412() throws Exception {
        String org = newOrg();
        for (int round = 0; round < 3; round++) {
            String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
            List<Integer> statuses = concurrently(
                    () -> badlyAs(Tokens.operator(org)).header("If-Match", "\"0\"").body("{\"supplier\":\"Alpha\"}")
                            .patch("/api/purchase-orders/" + id).statusCode(),
                    () -> badlyAs(Tokens.operator(org)).header("If-Match", "\"0\"").body("{\"supplier\":\"Beta\"}")
                            .patch("/api/purchase-orders/" + id).statusCode());
            assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
            String other = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
            statuses = concurrently(() -> move(org, other, "submit", "\"0\"").statusCode(),
                    () -> move(org, other, "cancel", "\"0\"").statusCode());
            assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
            as(Tokens.operator(org)).get("/api/purchase-orders/" + other).then().body("version", equalTo(1));
        }
    }

    @Test
    void anotherOrganisationsOrderIs404OnWriteAndTransitionExactlyLikeAMissingOne() {
        String org = newOrg();
        String id = place(org, oneLine("antminer-s21", 2, "4000.00", "BITMAIN-MY"));
        String stranger = newOrg();
        for (String m : List.of("submit", "confirm", "cancel", "requote")) {
            move(stranger, id, m, "\"0\"").then().statusCode(404).body("detail", equalTo("no purchase order " + id));
        }
        badlyAs(Tokens.operator(stranger)).header("If-Match", "\"0\"").body("{\"supplier\":\"Mine\"}")
                .patch("/api/purchase-orders/" + id).then().statusCode(404);
        as(Tokens.operator(org)).get("/api/purchase-orders/" + id).then().body("version", equalTo(0)).body("supplier", equalTo("Bitmain"));
    }

    @SafeVarargs
    static List<Integer> concurrently(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
