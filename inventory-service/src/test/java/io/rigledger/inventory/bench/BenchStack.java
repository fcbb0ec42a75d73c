package io.rigledger.inventory.bench;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.rigledger.testsupport.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmark runs against, all on this machine: embedded PostgreSQL (a fresh database),
 * the WireMock OIDC server whose key signs {@link Tokens}, and the packaged inventory-service
 * (target/quarkus-app) as a child process. Closing stops the service; the JVM's exit stops the rest.
 */
final class BenchStack implements AutoCloseable {

    static final String DATABASE = "inventory_bench";
    /**
     * The service's JVM options unless BENCH_SERVICE_JAVA_OPTS says otherwise: the bounded heap deploy/local
     * gives inventory-service (its ServiceApp default), so RSS under this load is what a launched service
     * shows. Until 2026-11-30 it was -Xmx2g, and G1 grew the heap to it while a million rigs loaded.
     */
    static final String JAVA_OPTS = "-Xmx128m -XX:+UseSerialGC";

    final String baseUrl;
    final String jdbcUrl;
    /** The service's cursor key (random per run), so the bench can start a walk deep in a list. */
    final byte[] cursorKey;
    private final Process service;
    private final OidcWiremockTestResource oidc;

    private BenchStack(String baseUrl, String jdbcUrl, byte[] cursorKey, Process service, OidcWiremockTestResource oidc) {
        this.cursorKey = cursorKey;
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
        this.service = service;
        this.oidc = oidc;
    }

    static BenchStack start(Path app) throws IOException, InterruptedException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresResource.server();
        try (Connection admin = pg.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("drop database if exists " + DATABASE);
            admin.createStatement().execute("create database " + DATABASE);
        }
        String jdbcUrl = pg.getJdbcUrl("postgres", DATABASE);
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(Arrays.asList(serviceJavaOptions().split("\\s+")));
        command.addAll(List.of("-jar", app.toString()));
        System.out.println("service java " + String.join(" ", command.subList(1, command.size())));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(new File("target/bench-service.log"));
        byte[] cursorKey = new byte[32];
        new SecureRandom().nextBytes(cursorKey);
        pb.environment().putAll(Map.of(
                "RIGLEDGER_PAGE_CURSOR_KEY", Base64.getEncoder().encodeToString(cursorKey),
                "HTTP_PORT", Integer.toString(port),
                "DB_URL", jdbcUrl, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "OIDC_AUTH_SERVER_URL", oidcConfig.get("keycloak.url") + "/realms/quarkus/",
                "OIDC_ISSUER", Tokens.ISSUER,
                "LOG_JSON", "false",
                // one token loads a million rigs: the per-caller rate limit would measure itself
                "RIGLEDGER_RATE_LIMIT_ENABLED", "false"));
        Process service = pb.start();
        BenchStack stack = new BenchStack("http://localhost:" + port, jdbcUrl, cursorKey, service, oidc);
        stack.awaitReady();
        return stack;
    }

    /** The JVM options of the service: BENCH_SERVICE_JAVA_OPTS, else the launchers' defaults ({@link #JAVA_OPTS}). */
    static String serviceJavaOptions() {
        String env = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        return env == null || env.isBlank() ? JAVA_OPTS : env.trim();
    }

    /** The service's process id (for /proc and jcmd). */
    long servicePid() {
        return service.pid();
    }

    /**
     * With BENCH_JFR set: starts ({@code start}) or dumps and stops a JFR recording (settings=profile) of
     * the service named {@code name}, written to target/bench/{@code name}.jfr. Without it: nothing.
     */
    void jfr(boolean start, String name) throws IOException, InterruptedException {
        if (System.getenv("BENCH_JFR") == null) {
            return;
        }
        Path file = Path.of("target", "bench", name + ".jfr").toAbsolutePath();
        Files.createDirectories(file.getParent());
        List<String> command = start
                ? List.of(jcmdBin(), Long.toString(service.pid()), "JFR.start", "name=" + name, "settings=profile")
                : List.of(jcmdBin(), Long.toString(service.pid()), "JFR.stop", "name=" + name, "filename=" + file);
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command.subList(2, command.size())) + " failed");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("inventory-service exited; see target/bench-service.log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            service.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("inventory-service not ready after 3 minutes; see target/bench-service.log");
    }

    private static String jcmdBin() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        service.destroy();
        oidc.stop();
    }
}
