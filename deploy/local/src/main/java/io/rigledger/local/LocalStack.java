package io.rigledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The whole RigLedger suite on one machine: one embedded PostgreSQL, a real Keycloak with the
 * rigledger realm, and the three packaged services in prod mode. {@code ./run.sh} runs
 * {@link #main}; the end-to-end tests use {@link #start} and {@link #close}.
 *
 * <p>Stopping (close, Ctrl-C, SIGTERM) stops the services, then Keycloak, each with all its
 * descendants, then PostgreSQL. If any part is not ready in time, everything started so far is
 * stopped and the failure carries the tail of that part's log.
 */
public final class LocalStack implements AutoCloseable {

    /** The contract's example body of POST /api/purchase-orders (procurement.yaml). */
    public static final String PURCHASE_ORDER_EXAMPLE = "{\"supplier\":\"Bitmain\",\"incoterm\":\"FOB\","
            + "\"expectedExportDate\":\"2026-12-01\",\"expectedEntryDate\":\"2026-12-15\",\"transportMode\":\"OCEAN\","
            + "\"destinationSite\":\"DAL1\",\"lines\":[{\"sku\":\"antminer-s21-xp\",\"plant\":\"BITMAIN-MY\",\"quantity\":10,"
            + "\"unitPrice\":5400.00},{\"sku\":\"antminer-s21-pro\",\"plant\":\"BITMAIN-CN\",\"quantity\":4,"
            + "\"unitPrice\":3650.50,\"usContentPercent\":0,\"htsCode\":\"8543.70.9860\"}]}";

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration KEYCLOAK_STOP_GRACE = Duration.ofSeconds(20);

    /** How one part started: time from its launch until ready, and its resident memory then. */
    public record Started(String name, long pid, int port, Duration readyAfter, long rssKib) {
    }

    private final StackSettings settings;
    private final List<Started> started = new ArrayList<>();
    private final List<ChildProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ChildProcess keycloak;
    private LocalPostgres postgres;
    private volatile boolean closing;
    private volatile boolean signalled;
    private Duration allReadyAfter;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    /** Starts every part and returns once all are ready; on failure stops what it started and throws. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        stack.startAll();
        return stack;
    }

    /** A stack another process started (./run.sh) on {@code settings}' ports: this handle starts and stops nothing. */
    public static LocalStack attach(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        stack.stopped.countDown();
        return stack;
    }

    public StackSettings settings() {
        return settings;
    }

    public List<Started> started() {
        return List.copyOf(started);
    }

    private void startAll() {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(settings.runDir());
            stopLeftoversOfAKilledRun();
            LocalPostgres.stopLeftover(settings.postgresDataDir());
            if (settings.postgresFresh()) {
                say("starting from empty databases: dropping " + settings.postgresDataDir());
                LocalPostgres.deleteDataDir(settings.postgresDataDir());
            }
            checkPrerequisites();
            Files.createDirectories(settings.logDir());
            say("logs of every part go to " + settings.logDir());

            Path pgLog = truncate(settings.logDir().resolve("postgres.log"));
            long pgT0 = System.nanoTime();
            LocalPostgres pg = LocalPostgres.start(settings.postgresDataDir(), settings.postgresPort(), pgLog,
                    ServiceApp.databases());
            synchronized (this) {
                postgres = pg;
                if (closing) {
                    throw new StartupFailure("stack", "was stopped while starting", null, "");
                }
            }
            record(new Started("postgres", -1, settings.postgresPort(), Duration.ofNanos(System.nanoTime() - pgT0), 0));
            say("postgres ready on port " + settings.postgresPort() + " (data in " + settings.postgresDataDir() + ")");

            ChildProcess kc = register(() -> LocalKeycloak.launch(settings,
                    truncate(settings.logDir().resolve("keycloak.log"))));
            say("keycloak starting on port " + settings.keycloakPort() + " (pid " + kc.pid() + ")");
            Duration kcReady = Readiness.awaitAll(Map.of(kc, LocalKeycloak.readinessUrl(settings)),
                    settings.keycloakTimeout()).get(kc);
            record(new Started("keycloak", kc.pid(), settings.keycloakPort(), kcReady, kc.rssKib()));

            // all at once: none needs another to start (procurement and the console call the others per request)
            Map<ServiceApp, ChildProcess> launched = new LinkedHashMap<>();
            Map<ChildProcess, String> probes = new LinkedHashMap<>();
            for (ServiceApp app : ServiceApp.values()) {
                ChildProcess p = register(() -> launchService(app));
                launched.put(app, p);
                probes.put(p, settings.serviceUrl(app) + "/q/health/ready");
                say(app.id() + " starting on port " + settings.port(app) + " (pid " + p.pid() + ")");
            }
            Map<ChildProcess, Duration> ready = Readiness.awaitAll(probes, settings.serviceTimeout());
            launched.forEach((app, p) ->
                    record(new Started(app.id(), p.pid(), settings.port(app), ready.get(p), p.rssKib())));
            allReadyAfter = Duration.ofNanos(System.nanoTime() - t0);
            watchForCrashes();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkPrerequisites() {
        if (!Files.isRegularFile(settings.realmFile())) {
            throw new StartupFailure("keycloak", "has no realm file at " + settings.realmFile(), null, "");
        }
        List<String> missing = new ArrayList<>();
        for (ServiceApp app : ServiceApp.values()) {
            if (!Files.isRegularFile(settings.serviceJar(app))) {
                missing.add(settings.serviceJar(app).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupFailure("stack", "cannot start: not built yet: " + String.join(", ", missing)
                    + " (build them: ./run.sh --build)", null, "");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", settings.postgresPort());
        ports.put("keycloak", settings.keycloakPort());
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app.id(), settings.port(app));
        }
        ports.forEach((part, port) -> {
            if (!Readiness.portFree(port)) {
                throw new StartupFailure(part, "cannot start: port " + port + " is already in use"
                        + " (another local stack still running? see: ss -ltnp | grep :" + port + ")", null, "");
            }
        });
    }

    /** Launches one service with the dev overlay's environment, its output in {@code <logs>/<service>.log}. */
    ChildProcess launchService(ServiceApp app) {
        return launchService(app, truncate(settings.logDir().resolve(app.id() + ".log")));
    }

    /** Launches one service with the dev overlay's environment, its output in {@code log}. */
    ChildProcess launchService(ServiceApp app, Path log) {
        // the dev overlay's ConfigMaps, hosts mapped to this machine (DevEnvironment)
        Map<String, String> env = DevEnvironment.forService(settings, app);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // service.java.opts for all three, then <service>.java.opts (a -D only that service knows)
        for (String opts : List.of(settings.serviceJavaOpts(), StackSettings.setting(app.settingsKey() + ".java.opts").orElse(app.defaultJavaOpts()))) {
            if (!opts.isBlank()) {
                command.addAll(Arrays.asList(opts.trim().split("\\s+")));
            }
        }
        command.add("-jar");
        command.add(settings.serviceJar(app).toString());
        Path workDir = settings.runDir().resolve("work").resolve(app.id());
        try {
            Files.createDirectories(workDir); // its own cwd: no stray .env or config/ is picked up
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ChildProcess.launch(app.id(), command, env, workDir, truncate(log));
    }

    private interface Launch {
        ChildProcess get();
    }

    /** Launches and remembers a process, unless the stack is already stopping. */
    private synchronized ChildProcess register(Launch launch) {
        if (closing) {
            throw new StartupFailure("stack", "was stopped while starting", null, "");
        }
        ChildProcess p = launch.get();
        rememberPid(p);
        if ("keycloak".equals(p.name())) {
            keycloak = p;
        } else {
            services.add(p);
        }
        return p;
    }

    /** The running process called {@code name} (a service's id, or keycloak). */
    synchronized ChildProcess part(String name) {
        if (keycloak != null && keycloak.name().equals(name)) {
            return keycloak;
        }
        return services.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    /** {@code next} takes the place of the part of the same name (after a kill): stopped with the stack. */
    synchronized void replace(ChildProcess next) {
        if ("keycloak".equals(next.name())) {
            keycloak = next;
        } else {
            services.removeIf(p -> p.name().equals(next.name()));
            services.add(next);
        }
        rememberPid(next);
    }

    synchronized LocalPostgres postgres() {
        return postgres;
    }

    /** The PostgreSQL started again on the same data folder takes the place of the stopped one. */
    synchronized void postgres(LocalPostgres restarted) {
        postgres = restarted;
    }

    private synchronized void record(Started s) {
        started.add(s);
    }

    private void watchForCrashes() {
        List<ChildProcess> all = new ArrayList<>(services);
        all.add(keycloak);
        for (ChildProcess p : all) {
            p.onExit().thenAccept(proc -> {
                if (!closing) {
                    say(p.name() + " exited unexpectedly with code " + proc.exitValue() + "; last lines of "
                            + p.logFile() + ":" + System.lineSeparator() + p.tail(20));
                }
            });
        }
    }

    /** Stops the services, then Keycloak (with every descendant), then PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        closing = true;
        say("stopping the stack");
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess p : services) {
            Thread t = new Thread(() -> p.stop(SERVICE_STOP_GRACE), "stop-" + p.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keycloak != null) {
            keycloak.stop(KEYCLOAK_STOP_GRACE);
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // harmless: the next start checks each pid's start time before touching it
        }
        say("stopped");
        stopped.countDown();
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Ctrl-C or SIGTERM: the JVM's shutdown hook. */
    private void onSignal() {
        signalled = true;
        close();
    }

    private Path pidFile() {
        return settings.runDir().resolve("stack.pids");
    }

    /** Appends "pid start-instant name" so that a later start can clean up after a SIGKILL. */
    private void rememberPid(ChildProcess p) {
        String started = ProcessHandle.of(p.pid()).flatMap(h -> h.info().startInstant())
                .map(Object::toString).orElse("-");
        try {
            Files.writeString(pidFile(), p.pid() + " " + started + " " + p.name() + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            say("could not record pid " + p.pid() + " in " + pidFile() + ": " + e.getMessage());
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children. The pids it recorded are stopped
     * here, each only if a process with that pid and the recorded start time still runs (so a
     * reused pid is never touched). PostgreSQL is handled by {@link LocalPostgres} itself.
     */
    private void stopLeftoversOfAKilledRun() throws IOException {
        Path file = pidFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ", 3);
            if (f.length < 3) {
                continue;
            }
            Optional<ProcessHandle> leftover;
            try {
                leftover = ProcessHandle.of(Long.parseLong(f[0]))
                        .filter(h -> h.info().startInstant().map(Object::toString).orElse("?").equals(f[1]));
            } catch (NumberFormatException e) {
                continue;
            }
            if (leftover.isPresent() && leftover.get().isAlive()) {
                say("stopping " + f[2] + " (pid " + f[0] + ") left running by an earlier run that was killed");
                ChildProcess.stopTree(f[2], leftover.get(), SERVICE_STOP_GRACE);
            }
        }
        Files.delete(file);
    }

    /** What is running where, how fast it started, and how to try it. */
    public String summary() {
        return StackSummary.of(settings, started(), allReadyAfter);
    }

    private static Path truncate(Path log) {
        try {
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void say(String line) {
        System.out.println("[local-stack] " + line);
        System.out.flush();
    }

    /** {@code java -jar deploy/local/target/local-stack.jar}: start, print, run until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println("Runs the RigLedger suite locally; settings (system property rigledger.<key> or"
                    + " env RIGLEDGER_<KEY>): root, local.dir, postgres.port, postgres.fresh, keycloak.port,"
                    + " keycloak.hostname, keycloak.home,"
                    + " keycloak.timeout, procurement.port, inventory.port, tariff.port, service.timeout,"
                    + " service.java.opts, procurement.java.opts, inventory.java.opts, tariff.java.opts");
            return;
        }
        StackSettings settings = StackSettings.fromEnvironment();
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::onSignal, "local-stack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (stack.signalled) {
                return; // Ctrl-C while starting: the shutdown hook stops everything
            }
            System.err.println("[local-stack] FAILED: "
                    + (e instanceof StartupFailure ? ((StartupFailure) e).report() : e.toString()));
            if (!(e instanceof StartupFailure)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
        System.out.println(stack.summary());
        System.out.flush();
        stack.awaitStopped();
    }
}
