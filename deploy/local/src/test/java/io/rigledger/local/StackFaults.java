package io.rigledger.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Starts Keycloak again on its kept database (same realm keys); returns the time until the realm answered. */
    Duration startKeycloak() {
        ChildProcess p = LocalKeycloak.launch(settings, nextLog("keycloak"), false);
        stack.replace(p);
        return Readiness.awaitAll(Map.of(p, LocalKeycloak.readinessUrl(settings)), settings.keycloakTimeout()).get(p);
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
