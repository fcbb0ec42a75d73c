package io.rigledger.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The soak of issue 11 item 3, run by deploy/local/soak.sh against the local stack: an
 * {@link OpenLoad} of three-line orders at a fixed rate for a duration, with a real Keycloak token
 * of alice (password grant, fetched again every {@link #TOKEN_REFRESH}; access tokens live 300 s).
 * Prints per interval the requests sent, errors, p50/p99/max in ms (from the planned send time),
 * each service's VmRSS (MiB) and the load average; then the overall figures and, when given a
 * reference p99, PASS/FAIL for: 0 errors, every order QUOTED, the rate held (sent within 1 % of
 * planned, in time), p99 within 2x of the reference, each service's RSS growth from after the
 * warm-up to the end under 10 %. Exit status 0 only when all pass. Not a test: a benchmark main.
 *
 * <p>Arguments (key=value): url, tokenUrl, user (alice), body (file), rate (per second), duration
 * and interval (ISO-8601, e.g. PT10M, PT1M), warmup (ISO-8601; RSS baseline taken after it, default
 * PT1M), referenceP99Ms, and pid.&lt;service&gt;=&lt;pid&gt; per service.
 */
public final class SoakDriver {

    /** Tokens are fetched again this often (the realm's access tokens live 300 s). */
    static final Duration TOKEN_REFRESH = Duration.ofSeconds(200);
    /** Most RSS growth allowed from after the warm-up to the end, percent. */
    static final double MAX_RSS_GROWTH_PERCENT = 10.0;
    /** Most p99 allowed, as a multiple of the reference run's p99. */
    static final double MAX_P99_FACTOR = 2.0;

    private final Map<String, String> args;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private SoakDriver(Map<String, String> args) {
        this.args = args;
        args.forEach((k, v) -> {
            if (k.startsWith("pid.")) {
                pids.put(k.substring(4), Long.parseLong(v));
            }
        });
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        System.exit(new SoakDriver(args).run() ? 0 : 1);
    }

    private String arg(String key) {
        String v = args.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return v;
    }

    private boolean run() throws Exception {
        double rate = Double.parseDouble(arg("rate"));
        Duration duration = Duration.parse(arg("duration"));
        Duration interval = Duration.parse(args.getOrDefault("interval", "PT1M"));
        Duration warmup = Duration.parse(args.getOrDefault("warmup", "PT1M"));
        String body = Files.readString(Path.of(arg("body")));
        token.set(fetchToken());

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
        scheduler.scheduleAtFixedRate(this::refreshToken, TOKEN_REFRESH.toSeconds(), TOKEN_REFRESH.toSeconds(), TimeUnit.SECONDS);
        OpenLoad load = new OpenLoad(URI.create(arg("url")), body, token::get, rate);
        String loadBefore = loadAverage();
        Map<String, Long> rssStart = rss();
        say(String.format(Locale.ROOT, "== open model: %.2f requests/s for %s, POST %s (latency from each request's planned"
                + " send time); load average %s; RSS at start %s", rate, duration, arg("url"), loadBefore, mib(rssStart)));
        say(String.format(Locale.ROOT, "%8s %8s %8s %7s %10s %9s %9s %9s  %-28s %s", "interval", "sent", "2xx", "errors",
                "notQuoted", "p50 ms", "p99 ms", "max ms", "RSS MiB " + String.join("/", pids.keySet()), "load"));

        Histogram overall = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicReference<OpenLoad.Counts> last = new AtomicReference<>(new OpenLoad.Counts(0, 0, 0, 0, 0));
        Map<String, Long> afterWarmup = new LinkedHashMap<>();
        CountDownLatch clock = new CountDownLatch(1); // never counted down: a bounded wait until each interval's end
        load.start(scheduler, duration);
        long intervals = Math.max(1, duration.toNanos() / interval.toNanos());
        for (long i = 1; i <= intervals; i++) {
            long due = load.startNanos() + i * interval.toNanos();
            clock.await(due - System.nanoTime(), TimeUnit.NANOSECONDS);
            Map<String, Long> rss = rss();
            if (afterWarmup.isEmpty() && interval.multipliedBy(i).compareTo(warmup) >= 0) {
                afterWarmup.putAll(rss);
            }
            row(Long.toString(i), load, overall, last, rss);
        }
        load.drain();
        Map<String, Long> rssEnd = rss();
        row("drain", load, overall, last, rssEnd);
        double tookSeconds = (System.nanoTime() - load.startNanos()) / 1e9;
        scheduler.shutdownNow();
        String loadAfter = loadAverage();

        OpenLoad.Counts all = load.counts();
        say(String.format(Locale.ROOT, "== overall: %d requests (%d planned), answered within %.1f s, sent at %.2f/s; %d 2xx, %d errors (%d non-2xx, %d"
                        + " socket errors or timeouts), %d not QUOTED; p50 %s ms, p99 %s ms, max %s ms; load average %s before, %s after",
                all.sent(), load.planned(), tookSeconds, all.sent() / (duration.toNanos() / 1e9), all.ok(), all.errors(),
                all.non2xx(), all.socketErrors(), all.notQuoted(), ms(overall, 50), ms(overall, 99), ms(overall.getMaxValue()),
                loadBefore, loadAfter));
        load.firstErrors().forEach(e -> say("   first errors: " + e));
        say(String.format(Locale.ROOT, "RESULT p99_ms=%s p50_ms=%s requests=%d errors=%d", ms(overall, 99), ms(overall, 50),
                all.sent(), all.errors()));
        if (!args.containsKey("referenceP99Ms")) {
            return all.errors() == 0;
        }
        // the RSS baseline must be taken at least one interval before the end, or growth compares the end with itself
        Map<String, Long> base = duration.compareTo(warmup.plus(interval)) >= 0 ? afterWarmup : Map.of();
        if (base.isEmpty()) {
            say(String.format(Locale.ROOT, "NOT JUDGED RSS growth: the soak (%s) is not at least one interval (%s) longer than"
                    + " its warm-up (%s), so there is no baseline before the end; a harness check only", duration, interval, warmup));
        }
        return criteria(load, all, overall, base, rssEnd, duration);
    }

    private boolean criteria(OpenLoad load, OpenLoad.Counts all, Histogram overall, Map<String, Long> base,
                             Map<String, Long> end, Duration duration) {
        boolean pass = verdict(all.errors() == 0, "errors: " + all.errors() + " (goal 0: any non-2xx or socket error)");
        pass &= verdict(all.notQuoted() == 0, "orders quoted: " + all.notQuoted() + " not QUOTED (goal 0)");
        pass &= verdict(all.sent() >= load.planned() * 0.99, String.format(Locale.ROOT,
                "rate held: %d of %d planned requests sent in %s", all.sent(), load.planned(), duration));
        double reference = Double.parseDouble(arg("referenceP99Ms"));
        double p99 = overall.getValueAtPercentile(99) / 1000.0;
        pass &= verdict(p99 <= MAX_P99_FACTOR * reference, String.format(Locale.ROOT,
                "p99 %.2f ms <= %.1f x the short run's %.2f ms = %.2f ms", p99, MAX_P99_FACTOR, reference, MAX_P99_FACTOR * reference));
        for (Map.Entry<String, Long> e : base.entrySet()) {
            long after = end.getOrDefault(e.getKey(), 0L);
            double growth = 100.0 * (after - e.getValue()) / e.getValue();
            pass &= verdict(after > 0 && growth < MAX_RSS_GROWTH_PERCENT, String.format(Locale.ROOT,
                    "RSS %s: %d MiB after warm-up -> %d MiB at the end: %+.1f %% (goal < %.0f %%)", e.getKey(),
                    e.getValue() / 1024, after / 1024, growth, MAX_RSS_GROWTH_PERCENT));
        }
        say((pass ? "PASS" : "FAIL") + " soak overall; load average " + loadAverage());
        return pass;
    }

    private static boolean verdict(boolean ok, String what) {
        say((ok ? "PASS " : "FAIL ") + what);
        return ok;
    }

    private void row(String label, OpenLoad load, Histogram overall, AtomicReference<OpenLoad.Counts> last, Map<String, Long> rss) {
        OpenLoad.Counts now = load.counts();
        OpenLoad.Counts d = now.minus(last.getAndSet(now));
        Histogram h = load.interval();
        overall.add(h);
        say(String.format(Locale.ROOT, "%8s %8d %8d %7d %10d %9s %9s %9s  %-28s %s", label, d.sent(), d.ok(), d.errors(),
                d.notQuoted(), ms(h, 50), ms(h, 99), ms(h.getMaxValue()), mib(rss), loadAverage()));
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : ms(h.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String mib(Map<String, Long> rssKib) {
        List<String> parts = new ArrayList<>();
        rssKib.values().forEach(k -> parts.add(Long.toString(k / 1024)));
        return String.join("/", parts);
    }

    /** VmRSS (KiB) of each service process, 0 when it is gone. */
    private Map<String, Long> rss() {
        Map<String, Long> kib = new LinkedHashMap<>();
        pids.forEach((name, pid) -> kib.put(name, ChildProcess.vmRssKib(pid)));
        return kib;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private void refreshToken() {
        try {
            token.set(fetchToken());
        } catch (IOException | RuntimeException e) {
            say("token refresh failed (the previous token is sent until it expires): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user's access token from Keycloak (password grant of the public CLI client; password = user name). */
    private String fetchToken() throws IOException, InterruptedException {
        String user = args.getOrDefault("user", "alice");
        String form = "grant_type=password&client_id=" + Realm.CLI_CLIENT + "&username=" + enc(user) + "&password=" + enc(user);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(arg("tokenUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token endpoint answered " + r.statusCode() + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
