package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults the suite must survive with nothing lost, done to the stack of the run
 * ({@link LocalStackExtension}, {@link StackFaults}): kill -9 of inventory-service during 1,000 rig
 * receipts, kill -9 of procurement-service with rigs in its outbox, tariff-service down while
 * orders come in. Each test starts again what it stopped, so the stack is whole for the next one;
 * every wait is bounded ({@link #RECOVERY}). The PostgreSQL and Keycloak faults are in
 * {@link PlatformFaultsIT}.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** Longest wait for the stack to catch up after a part came back (outbox backoff capped by the test stack's settings). */
    static final Duration RECOVERY = Duration.ofSeconds(120);

    private static Calls calls;
    private static StackFaults faults;

    @BeforeAll
    static void stack(LocalStack stack) {
        calls = new Calls(stack.settings());
        faults = new StackFaults(stack);
    }

    /**
     * 1,000 rigs shipped, received in 10 receipts of 100. inventory-service is killed (SIGKILL)
     * after the third receipt; the other seven are received while it is down (201, their rigs wait
     * in procurement's outbox); then procurement-service is killed (SIGKILL) too, with those rigs
     * undelivered. Both start again: every receipt reports all its rigs registered and every rig
     * is in inventory exactly once (counted by serial over every page).
     */
    @Test
    @Order(1)
    void inventoryAndThenProcurementKilledDuringAThousandRigReceiptsLoseNoneAndRegisterNoneTwice() throws Exception {
        Shipped shipped = Shipped.rigs(calls, 1000);
        List<String> receipts = new ArrayList<>();
        int waitingWhenProcurementDied;
        try {
            for (int i = 0; i < 10; i++) {
                if (i == 3) {
                    faults.kill(ServiceApp.INVENTORY);
                }
                JsonNode receipt = ok(shipped.receive(shipped.serials.subList(i * 100, i * 100 + 100)), 201);
                receipts.add(receipt.get("id").asText());
            }
            waitingWhenProcurementDied = 1000 - registered(receipts);
            faults.kill(ServiceApp.PROCUREMENT);
        } finally {
            startTogether(ServiceApp.INVENTORY, ServiceApp.PROCUREMENT);
        }
        assertTrue(waitingWhenProcurementDied >= 700, "at least the 700 rigs received while inventory was down were "
                + "undelivered in the outbox when procurement died: " + waitingWhenProcurementDied);
        LocalStack.say(waitingWhenProcurementDied + " of 1,000 rigs were waiting in the outbox when procurement-service was killed");
        await("every receipt's rigs registered").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                .until(() -> registered(receipts), n -> n == 1000);
        shipped.assertEachRigOnceInInventory();
    }

    /** Starts the services at once (a restart is mostly waiting for the JVM); fails if one does not get ready. */
    private static void startTogether(ServiceApp... apps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(apps.length);
        try {
            List<Future<Duration>> started = new ArrayList<>();
            for (ServiceApp app : apps) {
                started.add(pool.submit(() -> faults.start(app)));
            }
            for (int i = 0; i < apps.length; i++) {
                LocalStack.say(apps[i].id() + " ready again after " + started.get(i).get().toMillis() + " ms");
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * tariff-service down (SIGKILL): alice's order is accepted (201) with its estimate PENDING and no
     * amounts; once tariff-service is back the scheduled re-quote fills it in, equal to the stored quote.
     */
    @Test
    @Order(2)
    void tariffDownOrdersAreAcceptedPendingAndQuotedWhenItIsBack() {
        String site = "T" + Calls.runId();
        ok(calls.inventory("oscar").body(JourneyIT.object().put("name", "Tariff fault " + site).put("state", "TX")
                .put("capacityKw", 1000).toString()).put("/api/sites/" + site), 200);
        String orderId;
        faults.kill(ServiceApp.TARIFF);
        try {
            orderId = Shipped.placeOrder(calls, site, 7);
            JsonNode order = ok(calls.procurement("alice").get("/api/purchase-orders/" + orderId), 200);
            assertEquals("PENDING", order.at("/dutyEstimate/status").asText(), order.get("dutyEstimate").toString());
            assertTrue(order.at("/dutyEstimate/totalDuty").isMissingNode(), "no amounts while PENDING: " + order);
        } finally {
            LocalStack.say("tariff-service ready again after " + faults.start(ServiceApp.TARIFF).toMillis() + " ms");
        }
        JsonNode quoted = await("the re-quote of the PENDING order").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                .until(() -> ok(calls.procurement("alice").get("/api/purchase-orders/" + orderId), 200),
                        o -> "QUOTED".equals(o.at("/dutyEstimate/status").asText()));
        JsonNode quote = ok(calls.tariff("alice").get("/api/duty-quotes/" + quoted.at("/dutyEstimate/quoteId").asText()), 200);
        assertEquals(0, quote.get("totalDuty").decimalValue().compareTo(quoted.at("/dutyEstimate/totalDuty").decimalValue()));
        assertEquals(0, quote.get("totalFees").decimalValue().compareTo(quoted.at("/dutyEstimate/totalFees").decimalValue()));
        assertTrue(quote.get("totalDuty").decimalValue().signum() > 0, quote.toString());
        assertEquals(0, new BigDecimal("37800.00").compareTo(quote.get("totalCustomsValue").decimalValue()));
    }

    /** Rigs inventory-service confirmed over {@code receipts} (procurement's own account, alice). */
    static int registered(List<String> receipts) {
        int n = 0;
        for (String id : receipts) {
            n += ok(calls.procurement("alice").get("/api/receipts/" + id), 200).get("registered").asInt();
        }
        return n;
    }
}
