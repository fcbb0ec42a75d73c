package io.rigledger.tariff.entry;

import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Databases of their own for the migration tests (migrated to a version, seeded the old way, migrated on), and their rows. */
final class MigrationDatabases {

    private MigrationDatabases() {
    }

    /** A new empty database {@code name} on the embedded server (dropped first if it exists); its JDBC URL. */
    static String fresh(String name) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresResource.server();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** Migrates the database at {@code url} to {@code target} (a version, or null for the latest). */
    static void migrate(String url, String target) {
        var config = Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }

    /** The first column of every row of {@code sql}, as text. */
    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
