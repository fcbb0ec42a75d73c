package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rigledger.local.JourneyIT.object;

/**
 * Three clients writing without pause (alice's orders, alice's receipts of 5 rigs at a time,
 * fiona's $1.00 payments on one entry) while a fault is done to the stack. Only what a service
 * acknowledged (201 / 200) is recorded, with whether it came after the fault; refusals and
 * timeouts during the fault are counted. Each write carries its own Idempotency-Key and is sent
 * again with it after a refusal or timeout (after 200 ms, bounded) until acknowledged, so a write
 * whose first answer was lost is recorded once.
 */
final class LoadDuringRestart {

    /** What the services acknowledged, and how many writes were refused or timed out. */
    record Acknowledged(List<String> orders, Map<String, List<String>> receipts, List<String> payments,
                        int ordersAfter, int receiptsAfter, int paymentsAfter, int refused, Duration fault,
                        List<String> firstRefusals, Map<String, Integer> refusalKinds) {
        @Override
        public String toString() {
            return orders.size() + " orders (" + ordersAfter + " after), " + receipts.size() + " receipts ("
                    + receiptsAfter + " after), " + payments.size() + " payments (" + paymentsAfter + " after) acknowledged; "
                    + refused + " refused or timed out " + refusalKinds + "; fault took " + fault.toMillis()
                    + " ms; first refusals " + firstRefusals;
        }
    }

    /** swagger-request-validator's message for a status the operation does not list (validation.response.status.unknown). */
    private static final Pattern UNDOCUMENTED_STATUS = Pattern.compile("Response status (\\d{3}) not defined[^\"]*");
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 2000).setParam("http.socket.timeout", 15000));

    private final Calls calls;
    private final Shipped shipped;
    private final String entryId;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean after = new AtomicBoolean();
    private final List<String> orders = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> receipts = new ConcurrentHashMap<>();
    private final List<String> payments = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ordersAfter = new AtomicInteger();
    private final AtomicInteger receiptsAfter = new AtomicInteger();
    private final AtomicInteger paymentsAfter = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> firstRefusals = Collections.synchronizedList(new ArrayList<>());
    /**
     * Refusals by kind: the status code answered ("503 (not in the contract)" when the operation does not
     * document it), or the client's exception (timeout, connection refused).
     */
    private final Map<String, Integer> refusalKinds = new ConcurrentHashMap<>();

    LoadDuringRestart(Calls calls, Shipped shipped, String entryId) {
        this.calls = calls;
        this.shipped = shipped;
        this.entryId = entryId;
    }

    /** Load for {@code before}, then {@code fault} (load continuing), then load for {@code afterwards}. */
    Acknowledged run(Duration before, Supplier<Duration> fault, Duration afterwards) throws InterruptedException {
        List<Thread> clients = List.of(new Thread(this::orders, "load-orders"), new Thread(this::receipts, "load-receipts"),
                new Thread(this::payments, "load-payments"));
        clients.forEach(Thread::start);
        Duration took;
        try {
            stop.await(before.toMillis(), TimeUnit.MILLISECONDS);
            took = fault.get();
            after.set(true);
            stop.await(afterwards.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            stop.countDown();
            for (Thread t : clients) {
                t.join(30_000);
            }
        }
        return new Acknowledged(List.copyOf(orders), Map.copyOf(receipts), List.copyOf(payments), ordersAfter.get(),
                receiptsAfter.get(), paymentsAfter.get(), refused.get(), took, List.copyOf(firstRefusals),
                new TreeMap<>(refusalKinds));
    }

    private void orders() {
        while (stop.getCount() > 0) {
            String key = UUID.randomUUID().toString();
            Response r = untilAcknowledged(() -> calls.procurement("alice").config(TIMEOUTS).header(IDEMPOTENCY_KEY, key)
                    .body(PlatformFaultsIT.orderBody(shipped.site)).post("/api/purchase-orders"), 201);
            if (r != null) {
                orders.add(r.jsonPath().getString("id"));
                count(ordersAfter);
            }
        }
    }

    private void receipts() {
        for (int i = 0; stop.getCount() > 0 && i + 5 <= shipped.serials.size(); i += 5) {
            List<String> serials = shipped.serials.subList(i, i + 5);
            String key = UUID.randomUUID().toString();
            Response r = untilAcknowledged(() -> shipped.receiveWith(TIMEOUTS, key, serials), 201);
            if (r != null) {
                receipts.put(r.jsonPath().getString("id"), serials.stream().sorted().toList());
                count(receiptsAfter);
            }
        }
    }

    private void payments() {
        for (int n = 1; stop.getCount() > 0; n++) {
            String ach = "ACH-" + shipped.run + "-" + n;
            String key = UUID.randomUUID().toString();
            ObjectNode body = object().put("amount", new BigDecimal("1.00")).put("paidOn", "2025-09-25").put("achReference", ach);
            Response r = untilAcknowledged(() -> calls.tariff("fiona").config(TIMEOUTS).header(IDEMPOTENCY_KEY, key)
                    .body(body.toString()).post("/api/entries/" + entryId + "/payments"), 200);
            if (r != null) {
                payments.add(ach);
                count(paymentsAfter);
            }
        }
    }

    /**
     * The same request (one Idempotency-Key) sent again after each refusal or timeout, as a client
     * must after a 503 outcome-unknown, until it is acknowledged or the load stops (then null: it may
     * or may not have been recorded, and is not counted as acknowledged).
     */
    private Response untilAcknowledged(Supplier<Response> call, int status) {
        while (stop.getCount() > 0) {
            Response r = send(call, status);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private void count(AtomicInteger afterCounter) {
        if (after.get()) {
            afterCounter.incrementAndGet();
        }
    }

    /** The response when it has {@code status}; else counts a refusal, waits 200 ms and answers null. */
    private Response send(Supplier<Response> call, int status) {
        String why;
        String kind;
        try {
            Response r = call.get();
            if (r.statusCode() == status) {
                return r;
            }
            JsonNode body = Calls.json(r);
            kind = Integer.toString(r.statusCode());
            why = r.statusCode() + " " + body.path("detail").asText(body.path("title").asText());
        } catch (RuntimeException | AssertionError e) {
            // the contract filter refuses an answer whose status the operation does not document: name that status
            Matcher undocumented = UNDOCUMENTED_STATUS.matcher(String.valueOf(e.getMessage()));
            if (undocumented.find()) {
                kind = undocumented.group(1) + " (not in the contract)";
                why = kind + ": " + undocumented.group();
            } else {
                kind = e.getClass().getSimpleName();
                why = kind + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            }
        }
        refused.incrementAndGet();
        refusalKinds.merge(kind, 1, Integer::sum);
        if (firstRefusals.size() < 5) {
            firstRefusals.add(why);
        }
        try {
            stop.await(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
