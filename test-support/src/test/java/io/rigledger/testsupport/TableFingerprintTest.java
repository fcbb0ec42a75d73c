package io.rigledger.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fingerprint sees every row added, changed or removed, in any schema, on a real PostgreSQL. */
class TableFingerprintTest {

    private static DataSource db;

    @BeforeAll
    static void database() throws SQLException {
        EmbeddedPostgresResource.createDatabaseIfMissing(EmbeddedPostgresResource.server(), "fingerprint");
        db = EmbeddedPostgresResource.server().getDatabase("postgres", "fingerprint");
        sql("drop schema if exists fleet cascade", "drop table if exists public.orders",
                "create table public.orders (id int primary key, supplier text)", "create schema fleet",
                "create table fleet.rigs (id int primary key, status text)",
                "insert into public.orders values (1, 'Bitmain')", "insert into fleet.rigs values (1, 'RECEIVED')");
    }

    @AfterAll
    static void dropThem() throws SQLException {
        sql("drop schema fleet cascade", "drop table public.orders");
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void nothingWrittenMeansNoChange() {
        assertEquals(List.of(), TableFingerprint.of(db).changedSince(TableFingerprint.of(db)));
    }

    @Test
    void anAddedChangedOrRemovedRowIsNamedByItsTable() throws SQLException {
        TableFingerprint before = TableFingerprint.of(db);
        sql("update fleet.rigs set status = 'DEPLOYED' where id = 1");
        List<String> changed = TableFingerprint.of(db).changedSince(before);
        assertEquals(1, changed.size(), changed.toString());
        assertTrue(changed.get(0).startsWith("\"fleet\".\"rigs\" 1:"), changed.toString());

        TableFingerprint updated = TableFingerprint.of(db);
        sql("insert into public.orders values (2, 'MicroBT')", "delete from public.orders where id = 2");
        assertEquals(List.of(), TableFingerprint.of(db).changedSince(updated), "added and removed again is no change");
        sql("insert into public.orders values (2, 'MicroBT')");
        assertTrue(TableFingerprint.of(db).changedSince(updated).get(0).startsWith("\"public\".\"orders\" 1:"));
        sql("delete from public.orders where id = 2");
    }

    @Test
    void aDatabaseWithoutTablesCannotProveAnything() throws SQLException {
        EmbeddedPostgresResource.createDatabaseIfMissing(EmbeddedPostgresResource.server(), "empty");
        DataSource empty = EmbeddedPostgresResource.server().getDatabase("postgres", "empty");
        assertThrows(IllegalStateException.class, () -> TableFingerprint.of(empty));
    }
}
