package io.rigledger.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL (zonky binaries, no Docker) with a data folder that survives restarts,
 * holding one database per service. It runs durable: zonky starts the postmaster with {@code -F}
 * (fsync off) and {@code synchronous_commit=off}, under which a commit is acknowledged before its
 * WAL reaches the disk; here {@code fsync=on} and {@code synchronous_commit=on} are set instead
 * (a later {@code -c} wins over {@code -F}) and checked once the server is up, so a restart of
 * PostgreSQL keeps every commit a service acknowledged.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path logFile;

    private LocalPostgres(EmbeddedPostgres postgres, Path logFile) {
        this.postgres = postgres;
        this.logFile = logFile;
    }

    static LocalPostgres start(Path dataDir, int port, Path logFile, List<String> databases) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)      // keep the data between runs
                    .setRegisterShutdownHook(false)    // the stack stops it last, after the services
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalPostgres local = new LocalPostgres(pg, logFile);
            try {
                local.checkDurable();
                local.createDatabasesIfMissing(databases);
            } catch (RuntimeException e) {
                local.close();
                throw e;
            }
            return local;
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("postgres", "did not start on port " + port, logFile,
                    ChildProcess.tail(logFile, 40), e);
        }
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Reads {@code fsync} and {@code synchronous_commit} from the running server.
     *
     * @throws IllegalStateException when either is not {@code on} (the server would acknowledge
     *                               commits it could lose on a crash)
     */
    private void checkDurable() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet rs = s.executeQuery("select current_setting('" + setting + "')")) {
                    String value = rs.next() ? rs.getString(1) : null;
                    if (!"on".equals(value)) {
                        throw new IllegalStateException("PostgreSQL runs with " + setting + "=" + value
                                + ", not on: acknowledged commits could be lost on a crash");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read fsync and synchronous_commit", e);
        }
    }

    private void createDatabasesIfMissing(List<String> databases) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String db : databases) {
                if (!db.matches("[a-z][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException("not a plain database name: " + db);
                }
                boolean exists;
                try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + db);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the databases " + databases, e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running on our data folder (pg_ctl
     * detaches it); stop that one, found through the folder's own postmaster.pid.
     */
    static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return; // stale file; postgres removes it itself on start
        }
        LocalStack.say("stopping a PostgreSQL left running on " + dataDir + " by an earlier run (pid " + pid + ")");
        leftover.get().destroy(); // SIGTERM: smart shutdown; nothing is connected any more
        try {
            leftover.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the PostgreSQL left running as pid " + pid + " did not stop", e);
        }
    }

    /** Deletes a (stopped) data folder with everything in it; nothing happens when there is none. */
    static void deleteDataDir(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close(); // pg_ctl stop -m fast
        } catch (IOException e) {
            LocalStack.say("postgres did not stop cleanly: " + e.getMessage());
        }
    }
}
