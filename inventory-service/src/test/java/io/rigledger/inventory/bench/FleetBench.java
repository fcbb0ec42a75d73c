package io.rigledger.inventory.bench;

import io.rigledger.inventory.fleet.Dimension;
import io.rigledger.inventory.fleet.FleetSql;
import io.rigledger.inventory.rig.RigFilter;
import io.rigledger.inventory.rig.RigStatus;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.testsupport.Tokens;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fleet benchmark (bench/run.sh): loads rigs over POST /api/rigs/batch and the same rows by COPY
 * into the same table, then times the fleet summary against a raw GROUP BY over the same table at
 * 10k, 100k and 1M rigs, and the first and last page of GET /api/rigs. Prints every number next to
 * the machine's own reference measured in the same run. Not a test: a CLI that prints.
 */
public final class FleetBench {

    private static final String[] MODELS = {"antminer-s21", "antminer-s21-plus", "antminer-s21-pro", "antminer-s21-xp",
        "antminer-s21-plus-hydro", "whatsminer-m60s", "whatsminer-m66s-plus", "avalon-a1466", "avalon-a16xp"};
    private static final String[] MAKERS = {"BITMAIN", "BITMAIN", "BITMAIN", "BITMAIN", "BITMAIN", "MICROBT", "MICROBT",
        "CANAAN", "CANAAN"};
    private static final String[] ORIGINS = {"CN", "MY", "TH", "ID", "US"};
    private static final int BATCH = 10_000;
    private static final int CLIENTS = 2;
    private static final String API_ORG = "bench-api";
    private static final String COPY_ORG = "bench-copy";
    /** The organisation of the warm-up's rigs (not measured, not in any figure). */
    private static final String WARM_ORG = "bench-warm";
    private static final int WARM_RIGS = 2_000;
    /**
     * Rounds of the warm-up's calls (BENCH_WARM_CALLS, default 5000): each round two cached summaries, a list, the
     * two floors; every tenth a catalogue change first (a cache miss).
     */
    private static final int WARM_CALLS = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARM_CALLS", "5000"));
    /** Timed summary calls per grouping (their CPU per request has a resolution of one tick / this). */
    private static final int SUMMARY_CALLS = 500;

    private final BenchStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Deployments deployments;

    private ProcessCpu cpu;

    private FleetBench(BenchStack stack) {
        this.stack = stack;
        this.deployments = new Deployments(stack, API_ORG);
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path app = Path.of(args.length > 1 ? args[1] : "target/quarkus-app/quarkus-run.jar");
        try (BenchStack stack = BenchStack.start(app)) {
            new FleetBench(stack).run(total);
        }
        System.exit(0);
    }

    private void run(int total) throws Exception {
        System.out.printf(Locale.ROOT, "fleet benchmark: %,d rigs, batches of %,d, %d API clients, %d cores%n",
                total, BATCH, CLIENTS, Runtime.getRuntime().availableProcessors());
        try (Connection c = stack.connect()) {
            cpu = ProcessCpu.of(stack.servicePid(), c);
        }
        double copyRate = copy(total);
        deployments.prepareSites();
        warmUp();
        long apiNanos = 0;
        int loaded = 0;
        List<Integer> checkpoints = new ArrayList<>();
        for (int n : new int[] {10_000, 100_000, total}) {
            if (n <= total && !checkpoints.contains(n)) {
                checkpoints.add(n);
            }
        }
        for (int checkpoint : checkpoints) {
            apiNanos += load(loaded, checkpoint);
            loaded = checkpoint;
            deployments.spread();
            summaries(checkpoint);
        }
        double apiRate = loaded / (apiNanos / 1e9);
        System.out.printf(Locale.ROOT, "load    API   %,10.0f rigs/s   COPY %,10.0f rigs/s   ratio %.2f (goal >= 0.30)%n",
                apiRate, copyRate, apiRate / copyRate);
        paging();
    }

    /** COPY of the same rows into the same table (another organisation): the machine's load limit. */
    private double copy(int total) throws Exception {
        try (Connection c = stack.connect()) {
            long start = System.nanoTime();
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy rig (org, manufacturer, serial_number,"
                    + " model_code, origin_country, status, price_usd, duty_usd, fees_usd, registered_at, registered_by)"
                    + " from stdin with (format csv)");
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < total; i++) {
                int m = i % MODELS.length;
                chunk.append(COPY_ORG).append(',').append(MAKERS[m]).append(",C").append(i).append(',')
                        .append(MODELS[m]).append(',').append(ORIGINS[i % ORIGINS.length])
                        .append(",RECEIVED,5120.00,1112.32,17.74,2026-11-29T00:00:00Z,bench\n");
                if (chunk.length() > 1 << 20 || i == total - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            in.endCopy();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "copy    %,d rows in %.1f s%n", total, seconds);
            return total / seconds;
        }
    }

    /** Rigs [from, to) over the API, CLIENTS batches at a time; answers the wall time in ns. */
    private long load(int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ProcessCpu.Sample before = cpu.now();
        long start = System.nanoTime();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int first = from; first < to; first += BATCH) {
                int f = first;
                int last = Math.min(to, first + BATCH);
                calls.add(pool.submit(() -> post(body("A", f, last))));
            }
            for (Future<Integer> call : calls) {
                int status = call.get();
                if (status != 200) {
                    throw new IllegalStateException("batch answered " + status);
                }
            }
        } finally {
            pool.shutdown();
        }
        long nanos = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "api     %,d..%,d loaded in %.1f s, %s (per 1,000 rigs: x1000)%n", from, to,
                nanos / 1e9, cpu.perRequest(before, (to - from) / 1000));
        return nanos;
    }

    /** A batch of rigs {@code prefix}from .. {@code prefix}(to - 1) (serial numbers). */
    private static String body(String prefix, int from, int to) {
        StringBuilder b = new StringBuilder(120 * (to - from)).append("{\"rigs\":[");
        for (int i = from; i < to; i++) {
            int m = i % MODELS.length;
            b.append(i == from ? "" : ",").append("{\"serialNumber\":\"").append(prefix).append(i).append("\",\"model\":\"")
                    .append(MODELS[m]).append("\",\"originCountry\":\"").append(ORIGINS[i % ORIGINS.length])
                    .append("\",\"landedCost\":{\"price\":5120.00,\"duty\":1112.32,\"fees\":17.74}}");
        }
        return b.append("]}").toString();
    }

    private int post(String json) throws Exception {
        return post(json, API_ORG);
    }

    private int post(String json, String org) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl + "/api/rigs/batch"))
                .header("Authorization", "Bearer " + Tokens.ops(org)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Not measured: the same kinds of calls the figures time, on another organisation, so the first
     * figure (10k rigs) meets a service as warm as the later ones do (JIT-compiled paths, pools, caches)
     * instead of measuring its warm-up. Batches, summaries (cached and after a change), lists, the floors.
     */
    private void warmUp() throws Exception {
        long start = System.nanoTime();
        for (int first = 0; first < WARM_RIGS; first += WARM_RIGS / 4) {
            int status = post(body("W", first, first + WARM_RIGS / 4), WARM_ORG);
            if (status != 200) {
                throw new IllegalStateException("warm-up batch answered " + status);
            }
        }
        String token = Tokens.ops(WARM_ORG);
        try (Connection c = stack.connect(); PreparedStatement bump = c.prepareStatement(
                "update catalogue_version set version = version + 1")) {
            for (int i = 0; i < WARM_CALLS; i++) {
                for (List<Dimension> dims : List.of(List.of(Dimension.SITE, Dimension.STATUS), List.of(Dimension.values()))) {
                    if (i % 10 == 0) {
                        bump.executeUpdate();
                    }
                    get(summaryUrl(dims), token);
                }
                get(stack.baseUrl + "/api/rigs?limit=100", token);
                get(stack.baseUrl + "/api/manufacturers", token);
                get(stack.baseUrl + "/q/health/live", null);
            }
        }
        System.out.printf(Locale.ROOT, "warm-up %,d rigs of another organisation, %,d rounds of summaries, lists and"
                + " floors in %.1f s (not measured)%n", WARM_RIGS, WARM_CALLS, (System.nanoTime() - start) / 1e9);
    }

    private String summaryUrl(List<Dimension> dims) {
        return stack.baseUrl + "/api/fleet/summary?groupBy=" + String.join(",", dims.stream().map(d -> d.apiName).toList());
    }

    /**
     * Fleet summary at this fleet size, for two groupings (site,status and all five dimensions):
     * end to end over the API, its rollup SQL alone, and the raw GROUP BY over the rig table (the
     * machine's reference); ratios of p50s.
     */
    private void summaries(int rigs) throws Exception {
        String token = Tokens.ops(API_ORG);
        // the floor of any answer over HTTP on this machine now: no token, no database
        double[] floor = time(200, () -> get(stack.baseUrl + "/q/health/live", null));
        // ... and of an authenticated one: the token's signature checked, one small catalogue query
        ProcessCpu.Sample before = cpu.now();
        double[] authFloor = time(SUMMARY_CALLS, () -> get(stack.baseUrl + "/api/manufacturers", token));
        String authCpu = cpu.perRequest(before, calls(SUMMARY_CALLS));
        System.out.printf(Locale.ROOT, "http    floor GET /q/health/live p50 %6.2f p99 %6.2f ms | authenticated GET"
                + " /api/manufacturers p50 %6.2f p99 %6.2f ms, %s%n", floor[0], floor[1], authFloor[0], authFloor[1], authCpu);
        for (List<Dimension> dims : List.of(List.of(Dimension.SITE, Dimension.STATUS), List.of(Dimension.values()))) {
            String groupBy = String.join(",", dims.stream().map(d -> d.apiName).toList());
            String url = summaryUrl(dims);
            String name = "summary-" + rigs + "-" + dims.size() + "dims";
            stack.jfr(true, name);
            ProcessCpu.Sample cpuBefore = cpu.now();
            double[] api = time(SUMMARY_CALLS, () -> get(url, token));
            String apiCpu = cpu.perRequest(cpuBefore, calls(SUMMARY_CALLS));
            stack.jfr(false, name);
            int bytes = ((byte[]) get(url, token)).length;
            double[] rollup;
            double[] raw;
            double[] miss;
            int groups;
            try (Connection c = stack.connect()) {
                // a cache miss: the catalogue version moves before each timed call, as a spec correction would
                try (PreparedStatement bump = c.prepareStatement("update catalogue_version set version = version + 1")) {
                    miss = time(50, bump::executeUpdate, () -> get(url, token));
                }
                String fromRollups = FleetSql.fromRollups(dims);
                groups = FleetSql.read(c, fromRollups, API_ORG, dims).size();
                rollup = time(200, () -> FleetSql.read(c, fromRollups, API_ORG, dims));
                String recount = FleetSql.recount(dims);
                raw = time(rigs >= 1_000_000 ? 10 : 30, () -> FleetSql.read(c, recount, API_ORG, dims));
            }
            System.out.printf(Locale.ROOT, "summary %,9d rigs %-47s %,5d groups%n"
                            + "        API p50 %7.2f p99 %7.2f ms | API after a change (cache miss) p50 %7.2f p99 %7.2f ms"
                            + " | rollup SQL p50 %6.2f p99 %6.2f ms%n"
                            + "        raw GROUP BY p50 %8.2f p99 %8.2f ms | API/raw %.3f (goal <= 0.1)"
                            + " miss/raw %.3f rollup/raw %.4f%n"
                            + "        cached API: %s, %,d bytes per answer%n",
                    rigs, groupBy, groups, api[0], api[1], miss[0], miss[1], rollup[0], rollup[1], raw[0], raw[1],
                    api[0] / raw[0], miss[0] / raw[0], rollup[0] / raw[0], apiCpu, bytes);
        }
    }

    /** First page vs last page of GET /api/rigs (limit 100), unfiltered and filtered by status. */
    private void paging() throws Exception {
        long lastId;
        try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement(
                "select max(id) from rig where org = ?")) {
            ps.setString(1, API_ORG);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastId = rs.getLong(1);
            }
        }
        String token = Tokens.ops(API_ORG);
        Paging paging = new Paging(100, 1000, 200, stack.cursorKey);
        RigFilter deployed = new RigFilter(null, null, RigStatus.DEPLOYED, null, null, null, null, null, null, false);
        for (String filter : new String[] {"", "&status=DEPLOYED"}) {
            // a cursor is bound to its list, filter and organisation (as listRigs binds it), signed with the service's key
            String cursor = paging.cursor(CursorScope.of(API_ORG, "rigs", (filter.isEmpty() ? RigFilter.none() : deployed).scope()),
                    Long.toString(lastId - 50));
            String first = stack.baseUrl + "/api/rigs?limit=100" + filter;
            double[] head = time(50, () -> get(first, token));
            double[] tail = time(50, () -> get(first + "&cursor=" + cursor, token));
            System.out.printf(Locale.ROOT, "paging  %-18s first page p50 %6.2f ms p99 %6.2f ms   last page p50 %6.2f ms"
                    + " p99 %6.2f ms%n", filter.isEmpty() ? "(all rigs)" : filter.substring(1), head[0], head[1],
                    tail[0], tail[1]);
        }
    }

    private Object get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** A call to time. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /** p50 and p99 in ms over {@code n} runs after n/5 warm-up runs (2 to 20). */
    static double[] time(int n, Call call) throws Exception {
        return time(n, () -> null, call);
    }

    /** How many calls {@link #time(int, Call)} makes for {@code n} timed ones: the warm-up runs too. */
    static int calls(int n) {
        return n + Math.min(20, Math.max(2, n / 5));
    }

    /** As {@link #time(int, Call)}, with {@code before} run untimed before each call. */
    static double[] time(int n, Call before, Call call) throws Exception {
        for (int i = 0; i < calls(n) - n; i++) {
            before.run();
            call.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            before.run();
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[(int) Math.floor(0.5 * (n - 1))], ms[(int) Math.ceil(0.99 * (n - 1))]};
    }
}
