package io.rigledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Faults done to the stack the tests started ({@link LocalStackExtension}): SIGKILL of one part
 * (a service, Keycloak) as a crash would, starting it again, and a restart of PostgreSQL under the
 * running services. Each restarted part writes to a log of its own ({@code <part>-<n>.log}) next to
 * the first one, so the crash and the recovery can both be read afterwards.
 */
final class StackFaults {

    private static final AtomicInteger RESTARTS = new AtomicInteger(1);

    private final LocalStack stack;
    private final StackSettings settings;

    StackFaults(LocalStack stack) {
        this.stack = stack;
        this.settings = stack.settings();
    }

    /** kill -9 of {@code app}'s process; returns once it is gone. */
    void kill(ServiceApp app) {
        stack.part(app.id()).kill();
    }

    /** Starts {@code app} again and returns how long it took until its /q/health/ready answered 200. */
    Duration start(ServiceApp app) {
        ChildProcess p = stack.launchService(app, nextLog(app.id()));
        stack.replace(p);
        return Readiness.awaitAll(Map.of(p, settings.serviceUrl(app) + "/q/health/ready"), settings.serviceTimeout()).get(p);
    }

    /** kill -9 of Keycloak (kc.sh and its java); returns once both are gone. */
    void killKeycloak() {
        stack.part("keycloak").kill();
    }

    /**
     * SIGSTOP of Keycloak (kc.sh and its java): its port still accepts connections (the kernel does) but nothing
     * answers, as a hung or unreachable Keycloak; {@link #resumeKeycloak()} (SIGCONT) brings it back at once, with
     * its sessions. Returns once the signal was delivered.
     */
    void pauseKeycloak() {
        signalKeycloak("STOP");
    }

    /**
     * SIGCONT of Keycloak after {@link #pauseKeycloak()}; returns once the console sends a new visitor to Keycloak
     * again ({@link #awaitConsoleSeesKeycloak()}).
     */
    void resumeKeycloak() {
        signalKeycloak("CONT");
        awaitConsoleSeesKeycloak();
    }

    /**
     * Waits (at most 15 s) until the console sends a new visitor of /orders to Keycloak's login (302 to the
     * authorization endpoint) again: the console keeps its answer to "is Keycloak reachable?" for
     * rigledger.console.sign-in-check-cache (5 s), so for up to that long after Keycloak is back it still shows its
     * 503 page, and the next test's sign-in would meet that page instead of Keycloak's form.
     */
    void awaitConsoleSeesKeycloak() {
        await("the console sends a new visitor to Keycloak again").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> new ConsoleSignIn(settings).open("/orders"), r -> r.statusCode() == 302
                        && r.headers().firstValue("Location").orElse("").contains("/protocol/openid-connect/auth"));
    }

    private void signalKeycloak(String signal) {
        ProcessHandle root = ProcessHandle.of(stack.part("keycloak").pid())
                .orElseThrow(() -> new IllegalStateException("Keycloak is not running"));
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> command.add(Long.toString(p.pid())));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to Keycloak", e);
        }
    }

    /**
     * Starts Keycloak again on its kept database (same realm keys); returns the time until the realm answered, after
     * which it also waits for the console to see it ({@link #awaitConsoleSeesKeycloak()}).
     */
    Duration startKeycloak() {
        ChildProcess p = LocalKeycloak.launch(settings, nextLog("keycloak"), false);
        stack.replace(p);
        Duration ready = Readiness.awaitAll(Map.of(p, LocalKeycloak.readinessUrl(settings)), settings.keycloakTimeout()).get(p);
        awaitConsoleSeesKeycloak();
        return ready;
    }

    /**
     * Stops PostgreSQL (pg_ctl stop -m fast: every connection is cut, as a failover or a restart by
     * the operator does) and starts it again on the same data; the services are left running.
     *
     * @return how long the database was unavailable
     */
    Duration restartPostgres() {
        long t0 = System.nanoTime();
        stack.postgres().close();
        LocalPostgres pg = LocalPostgres.start(settings.postgresDataDir(), settings.postgresPort(), nextLog("postgres"),
                ServiceApp.databases());
        stack.postgres(pg);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private Path nextLog(String part) {
        return settings.logDir().resolve(part + "-" + RESTARTS.incrementAndGet() + ".log");
    }
}
