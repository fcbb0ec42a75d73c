package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.rigledger.tariff.entry.Entries.file;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concurrent writes to one entry or one entry number: never a 500, a 409 or one after the other. */
@QuarkusTest
class EntryConcurrencyTest {

    static final int PARALLEL = 6;

    @Test
    void sixParallelFilingsOfOneNewEntryNumberAreOne201AndFive409() throws Exception {
        String org = org();
        String body = malaysian(number(), "2025-09-15", "19000.00", "");
        List<Integer> codes = together(i -> () -> file(org, body).extract().statusCode());
        assertEquals(1, Collections.frequency(codes, 201), codes::toString);
        assertEquals(PARALLEL - 1, Collections.frequency(codes, 409), codes::toString);
        get(org, "/api/entries").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void sixParallelPaymentsOnOneEntryAllSucceedOneAfterTheOther() throws Exception {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        List<Integer> codes = together(i -> () -> move(org, id, "payments",
                "{\"amount\":1000.00,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-" + i + "\"}").extract().statusCode());
        assertEquals(PARALLEL, Collections.frequency(codes, 200), codes::toString);
        get(org, "/api/entries/" + id).statusCode(200).body("payments", hasSize(PARALLEL)).body("paid", equalTo(6000.00f));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items", hasSize(PARALLEL + 1));
    }

    @Test
    void parallelLiquidationsOfOneEntryAreOne200AndTheRest409() throws Exception {
        String org = org();
        String id = filedAndPaid(org);
        List<Integer> codes = together(i -> () -> move(org, id, "liquidation",
                "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"notice " + i + "\"}").extract().statusCode());
        assertEquals(1, Collections.frequency(codes, 200), codes::toString);
        assertEquals(PARALLEL - 1, Collections.frequency(codes, 409), codes::toString);
    }

    /** Runs {@link #PARALLEL} calls released at once; their status codes. */
    static List<Integer> together(IntFunction<Callable<Integer>> call) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Integer> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
