package io.rigledger.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loses the database connection during COMMIT, for real rather than simulated: a deferred constraint trigger on a
 * table terminates its own session (FATAL 57P01, then the socket closes) while PostgreSQL runs the COMMIT of a
 * transaction that inserted a matching row, so the driver, the pool and the transaction manager report it exactly as
 * they report a server that goes away during COMMIT. PostgreSQL rolls that transaction back, which the client cannot
 * know: it must treat the outcome as unknown (503 outcome-unknown).
 */
public final class CommitLoss {

    private static final String TRIGGER = "lose_connection_at_commit";

    private CommitLoss() {
    }

    /**
     * Arms it: every COMMIT of a transaction that inserted into {@code table} a row for which {@code condition} holds
     * loses its connection.
     *
     * @param condition a PL/pgSQL boolean expression over {@code new}, e.g. {@code new.org = 'org-1'}
     */
    public static void arm(DataSource database, String table, String condition) throws SQLException {
        execute(database, "create function " + TRIGGER + "() returns trigger language plpgsql as $$ begin"
                        + " if " + condition + " then perform pg_terminate_backend(pg_backend_pid()); end if;"
                        + " return null; end $$",
                "create constraint trigger " + TRIGGER + " after insert on " + table
                        + " deferrable initially deferred for each row execute function " + TRIGGER + "()");
    }

    /**
     * Disarms it (nothing happens when it is not armed). The pool may still hold the connection that was lost: flush
     * it (Agroal: {@code flush(FlushMode.INVALID)}) before the next request.
     */
    public static void disarm(DataSource database, String table) throws SQLException {
        execute(database, "drop trigger if exists " + TRIGGER + " on " + table, "drop function if exists " + TRIGGER + "()");
    }

    private static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
