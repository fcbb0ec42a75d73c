package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An open-model load (fixed arrival rate): one POST every {@code 1 / rate} seconds on a fixed-rate
 * schedule, each sent asynchronously, so a slow answer never delays the next request (unlike a
 * closed loop such as wrk, whose connections wait for their answers). A late tick catches up
 * (ScheduledExecutorService's fixed rate). Latency is measured from each request's planned send
 * time to its answer, so a stall shows in full (no coordinated omission), in microseconds into an
 * HdrHistogram {@link Recorder} read per interval.
 *
 * <p>An error is any answer outside 2xx, a socket error or no answer within {@link #TIMEOUT}. A 2xx
 * order whose duty estimate is not QUOTED (tariff-service did not answer in time) is counted apart.
 */
final class OpenLoad {

    /** Longest wait for one answer; later counts as an error. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Highest latency the histograms hold, microseconds (one minute). */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts since the start (monotonic), read as differences per interval. */
    record Counts(long sent, long ok, long non2xx, long socketErrors, long notQuoted) {
        long errors() {
            return non2xx + socketErrors;
        }

        Counts minus(Counts earlier) {
            return new Counts(sent - earlier.sent, ok - earlier.ok, non2xx - earlier.non2xx,
                    socketErrors - earlier.socketErrors, notQuoted - earlier.notQuoted);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String body;
    private final Supplier<String> token;
    private final double rate;
    private final Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong non2xx = new AtomicLong();
    private final AtomicLong socketErrors = new AtomicLong();
    private final AtomicLong notQuoted = new AtomicLong();
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private long startNanos;
    private long periodNanos;
    private long planned;
    private ScheduledFuture<?> ticks;

    /**
     * @param url    where each request is POSTed (procurement-service's /api/purchase-orders)
     * @param body   the JSON body of every request
     * @param token  the bearer token to send now (refreshed by the caller before it expires)
     * @param rate   requests per second, &gt; 0
     */
    OpenLoad(URI url, String body, Supplier<String> token, double rate) {
        this.url = url;
        this.body = body;
        this.token = token;
        this.rate = rate;
    }

    /** Starts sending on {@code scheduler} for {@code duration}; the last request is planned before its end. */
    void start(ScheduledExecutorService scheduler, Duration duration) {
        periodNanos = Math.round(1e9 / rate);
        planned = duration.toNanos() / periodNanos;
        startNanos = System.nanoTime();
        ticks = scheduler.scheduleAtFixedRate(this::sendNext, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Requests planned over the whole duration. */
    long planned() {
        return planned;
    }

    /** When sending started ({@link System#nanoTime()}). */
    long startNanos() {
        return startNanos;
    }

    private void sendNext() {
        long n = sent.get();
        if (n >= planned) {
            ticks.cancel(false);
            return;
        }
        long plannedAt = startNanos + n * periodNanos;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        sent.incrementAndGet();
        CompletableFuture<Void> answered = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    answered(plannedAt, response, failure);
                    return null;
                });
        pending.add(answered);
        answered.whenComplete((v, e) -> pending.remove(answered));
    }

    private void answered(long plannedAt, HttpResponse<String> response, Throwable failure) {
        long micros = (System.nanoTime() - plannedAt) / 1000;
        if (failure != null) {
            socketErrors.incrementAndGet();
            remember(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } else if (response.statusCode() / 100 != 2) {
            non2xx.incrementAndGet();
            remember(response.statusCode() + " " + response.body());
        } else {
            ok.incrementAndGet();
            latencies.recordValue(Math.min(micros, HIGHEST_MICROS));
            if (!"QUOTED".equals(estimateStatus(response.body()))) {
                notQuoted.incrementAndGet();
                remember("201 with estimate " + estimateStatus(response.body()));
            }
        }
    }

    private static String estimateStatus(String order) {
        try {
            JsonNode status = JSON.readTree(order).at("/dutyEstimate/status");
            return status.isMissingNode() ? "(none)" : status.asText();
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    private void remember(String error) {
        if (firstErrors.size() < 5) {
            firstErrors.add(error.length() > 300 ? error.substring(0, 300) + "..." : error);
        }
    }

    /** The counts so far. */
    Counts counts() {
        return new Counts(sent.get(), ok.get(), non2xx.get(), socketErrors.get(), notQuoted.get());
    }

    /** The latencies of the 2xx answers since the last call (microseconds). */
    Histogram interval() {
        return latencies.getIntervalHistogram();
    }

    /** The first few errors, as status and body or exception. */
    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** Waits until every request sent has its answer or timed out (bounded by {@link #TIMEOUT} and a margin). */
    void drain() throws InterruptedException {
        if (ticks != null) {
            ticks.cancel(false);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            remember("drain: " + e);
        }
    }
}
