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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults the suite must survive with nothing lost, done to the stack of the run
 * ({@link LocalStackExtension}, {@link StackFaults}): kill -9 of inventory-service while it registers
 * 1,000 received rigs, kill -9 of procurement-service with rigs in its outbox, tariff-service down while
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
     * 1,000 rigs shipped, received in 10 receipts of 100 while a watcher reads both databases: as soon
     * as inventory-service has registered some of the order's rigs and procurement-service has a
     * delivery in flight (outbox rows claimed and posted, not yet confirmed), inventory-service is
     * killed (SIGKILL), so the kill lands while it is registering rigs. The receipts still to come are
     * received while it is down (201, their rigs wait in procurement's outbox); then procurement-service
     * is killed (SIGKILL) too, with those rigs undelivered. Both start again: every receipt reports all
     * its rigs registered and every rig is in inventory exactly once (by serial, over every page of the
     * API and in inventory's database). The figures are printed on one line.
     */
    @Test
    @Order(1)
    void inventoryKilledMidDeliveryThenProcurementKilledWithRigsInItsOutboxLoseNoneAndRegisterNoneTwice() throws Exception {
        Shipped shipped = Shipped.rigs(calls, 1000);
        List<String> receipts = new ArrayList<>();
        AtomicBoolean inventoryDown = new AtomicBoolean();
        boolean procurementDown = false;
        DeliveryWatch.Look atKill;
        int heldAfterKill;
        int waitingWhenProcurementDied;
        List<Duration> ready;
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        try (DeliveryWatch watch = new DeliveryWatch(calls.settings(), shipped.orderId)) {
            try {
                Future<DeliveryWatch.Look> killed = watcher.submit(() -> {
                    DeliveryWatch.Look look = watch.untilMidDelivery(Duration.ofMillis(5), RECOVERY);
                    if (look != null) {
                        faults.kill(ServiceApp.INVENTORY);
                        inventoryDown.set(true);
                    }
                    return look;
                });
                for (int i = 0; i < 10; i++) {
                    receipts.add(ok(shipped.receive(shipped.serials.subList(i * 100, i * 100 + 100)), 201).get("id").asText());
                }
                atKill = killed.get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(atKill, "no moment with rigs registered and a delivery in flight: " + watch.look());
                heldAfterKill = watch.registered();
                waitingWhenProcurementDied = 1000 - registered(receipts);
                faults.kill(ServiceApp.PROCUREMENT);
                procurementDown = true;
            } finally {
                watcher.shutdownNow();
                List<ServiceApp> down = new ArrayList<>();
                if (inventoryDown.get()) {
                    down.add(ServiceApp.INVENTORY);
                }
                if (procurementDown) {
                    down.add(ServiceApp.PROCUREMENT);
                }
                ready = startTogether(down.toArray(ServiceApp[]::new));
            }
            long back = System.nanoTime();
            await("every receipt's rigs registered").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> registered(receipts), n -> n == 1000);
            double caughtUp = (System.nanoTime() - back) / 1e9;
            int distinct = watch.distinctSerials();
            int twice = watch.heldTwice();
            LocalStack.say(String.format(Locale.ROOT, "inventory-service kill -9 mid-delivery of 1,000 rigs: %d registered before "
                            + "the kill with %d in flight (posted, unconfirmed); inventory's database held %d after the kill; %d waiting "
                            + "in procurement's outbox when procurement-service was killed; after restart %d registered, %d duplicated, "
                            + "%d lost; ready again after %.1f s (inventory) and %.1f s (procurement); every rig registered %.1f s later",
                    atKill.registered(), atKill.inFlight(), heldAfterKill, waitingWhenProcurementDied, watch.registered(), twice,
                    1000 - distinct, ready.get(0).toMillis() / 1e3, ready.get(1).toMillis() / 1e3, caughtUp));
            assertTrue(atKill.registered() < 1000, "the kill came before every rig was registered: " + atKill);
            assertTrue(waitingWhenProcurementDied > 0, "rigs were undelivered in the outbox when procurement died");
            assertEquals(0, twice, "serials held twice in inventory's database");
            assertEquals(1000, distinct, "serials of the order in inventory's database");
            assertEquals(1000, watch.registered(), "rigs of the order in inventory's database");
        }
        shipped.assertEachRigOnceInInventory();
    }

    /** Starts the services at once (a restart is mostly waiting for the JVM); fails if one does not get ready. */
    private static List<Duration> startTogether(ServiceApp... apps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, apps.length));
        try {
            List<Future<Duration>> started = new ArrayList<>();
            for (ServiceApp app : apps) {
                started.add(pool.submit(() -> faults.start(app)));
            }
            List<Duration> ready = new ArrayList<>();
            for (int i = 0; i < apps.length; i++) {
                ready.add(started.get(i).get());
                LocalStack.say(apps[i].id() + " ready again after " + ready.get(i).toMillis() + " ms");
            }
            return ready;
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
