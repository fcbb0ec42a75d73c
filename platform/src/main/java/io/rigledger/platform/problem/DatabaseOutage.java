package io.rigledger.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database outage apart from a bug: PostgreSQL down, restarting or unreachable is answered
 * 503 upstream-unavailable with {@code Retry-After}, never 500. An outage is any cause (searched
 * through wrappers such as Hibernate's JDBCConnectionException) that is an SQLException of SQL
 * state class 08 (connection exception: 08001 cannot connect, 08006 connection failure ...), of
 * state 57P01/57P02/57P03 (server shutting down or starting: PostgreSQL's errcodes appendix), one
 * of JDBC's connection exception types, or the pool's connection acquisition timeout (Agroal
 * throws a plain SQLException "Sorry, acquisition timeout!" without a state).
 */
public final class DatabaseOutage {

    /** Seconds a client waits before trying again: PostgreSQL restarts within a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> SERVER_GOING_DOWN = Set.of("57P01", "57P02", "57P03");
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
    private static final int MAX_DEPTH = 20;

    private DatabaseOutage() {
    }

    /** Whether {@code failure} or one of its causes says the database cannot be reached. */
    public static boolean isOutage(Throwable failure) {
        // causes and suppressed exceptions: a transaction manager reports the failed COMMIT of a lost
        // connection as a RollbackException and may attach the SQLException as suppressed, not as its cause
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isOutage(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().contains(ACQUISITION_TIMEOUT);
        }
        return state.startsWith("08") || SERVER_GOING_DOWN.contains(state);
    }

    /** The 503 answered for an outage: upstream-unavailable naming the database, with Retry-After. */
    public static ProblemException problem() {
        return new ProblemException(ProblemKind.UPSTREAM_UNAVAILABLE,
                "the database is unavailable; nothing was stored, try again in " + RETRY_AFTER_SECONDS + " seconds", null,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }
}
