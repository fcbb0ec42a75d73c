package io.rigledger.platform.problem;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database outage apart from a bug, and an outage before COMMIT from one during it.
 * PostgreSQL down, restarting or unreachable is answered 503 with {@code Retry-After}, never 500.
 *
 * <p>The failure, its causes and their suppressed exceptions (a transaction manager may attach the
 * lost connection's error as suppressed rather than as the cause) are searched, at most
 * {@value #MAX_DEPTH} of them, and decided in this order ({@link #classify}):
 * <ol>
 *   <li>{@link Verdict#NOT_AN_OUTAGE} when any of them is an SQLException that is not a connection
 *       failure (a duplicate key 23505, a serialization failure 40001, a missing relation 42P01): the
 *       request failed on its data or on a bug, and PostgreSQL rolled it back.</li>
 *   <li>{@link Verdict#OUTCOME_UNKNOWN} when the transaction manager reports a failed COMMIT (a
 *       jakarta.transaction {@link RollbackException} such as Narayana's "ARJUNA016053: Could not
 *       commit transaction.", or a {@link HeuristicMixedException}) and either a connection failure
 *       is among the exceptions or the report carries no cause and no suppressed exception at all
 *       (likewise an {@link UnconfirmedStatement}: an autocommit statement, its own COMMIT, whose
 *       connection broke after it was sent);
 *       or when a connection failure was raised by a commit itself (a frame named {@code commit} or
 *       {@code transactionCommit} in its stack: the driver's PgConnection.commit, Agroal's
 *       ConnectionHandler.transactionCommit, the transaction manager's commit). PostgreSQL may have
 *       committed before the connection broke, so whether the change was stored is unknown. A report
 *       of a failed COMMIT whose cause is anything else (a bug in a synchronization) is not an
 *       outage.</li>
 *   <li>{@link Verdict#UNAVAILABLE} when a connection failure is among them otherwise: the
 *       connection broke (or never opened) before COMMIT, so PostgreSQL rolled the transaction back
 *       and nothing was stored.</li>
 *   <li>{@link Verdict#NOT_AN_OUTAGE} otherwise.</li>
 * </ol>
 * A connection failure is an SQLException of SQL state class 08 (connection exception: 08001 cannot
 * connect, 08003 connection does not exist, 08006 connection failure), of state 57P01/57P02/57P03
 * (server shutting down or starting: PostgreSQL's errcodes appendix), one of JDBC's connection
 * exception types, or the pool's connection acquisition timeout (Agroal throws a plain
 * SQLException "Sorry, acquisition timeout!" without a state).
 */
public final class DatabaseOutage {

    /** Seconds a client waits before trying again: PostgreSQL restarts within a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** What a failure says about the database. */
    public enum Verdict {
        /** Not the database's availability: a bug or a data error (500, or the error's own mapping). */
        NOT_AN_OUTAGE,
        /** The database could not be reached, or the connection broke before COMMIT: nothing was stored. */
        UNAVAILABLE,
        /** The connection broke during COMMIT: PostgreSQL never confirmed, so the change may or may not be stored. */
        OUTCOME_UNKNOWN
    }

    private static final Set<String> SERVER_GOING_DOWN = Set.of("57P01", "57P02", "57P03");
    private static final Set<String> COMMIT_METHODS = Set.of("commit", "transactionCommit");
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
    private static final int MAX_DEPTH = 20;

    private DatabaseOutage() {
    }

    /** Whether {@code failure} says the database cannot be reached or lost its connection (before or during COMMIT). */
    public static boolean isOutage(Throwable failure) {
        return classify(failure) != Verdict.NOT_AN_OUTAGE;
    }

    /**
     * Decides what {@code failure} says about the database, by the rule in the class comment.
     *
     * @param failure what reached the REST layer (null is not an outage)
     */
    public static Verdict classify(Throwable failure) {
        boolean connectionLost = false;
        boolean lostAtCommit = false;
        boolean commitFailed = false;
        for (Throwable t : causesAndSuppressed(failure)) {
            if (t instanceof SQLException sql) {
                if (!isConnectionFailure(sql)) {
                    return Verdict.NOT_AN_OUTAGE;
                }
                connectionLost = true;
                lostAtCommit |= raisedByCommit(sql);
            }
            if (isFailedCommit(t)) {
                commitFailed |= t.getCause() == null && t.getSuppressed().length == 0 || hasConnectionFailure(t);
            }
        }
        if (commitFailed || lostAtCommit) {
            return Verdict.OUTCOME_UNKNOWN;
        }
        return connectionLost ? Verdict.UNAVAILABLE : Verdict.NOT_AN_OUTAGE;
    }

    private static boolean isFailedCommit(Throwable t) {
        return t instanceof RollbackException || t instanceof HeuristicMixedException || t instanceof UnconfirmedStatement;
    }

    /**
     * A statement that commits itself (autocommit: one statement is one transaction, committed before
     * PostgreSQL answers it) failed after it was sent: when its cause is a connection failure, the
     * statement's COMMIT may have happened before the connection broke, so {@link #classify} says
     * {@link Verdict#OUTCOME_UNKNOWN}, as for a COMMIT lost mid-way; any other SQLException among its
     * causes is not an outage (PostgreSQL refused the statement and stored none of it).
     */
    public static final class UnconfirmedStatement extends RuntimeException {
        public UnconfirmedStatement(String what, SQLException cause) {
            super(what + " failed after it was sent", cause);
        }
    }

    private static boolean hasConnectionFailure(Throwable failedCommit) {
        return causesAndSuppressed(failedCommit).stream()
                .anyMatch(t -> t instanceof SQLException sql && isConnectionFailure(sql));
    }

    private static boolean raisedByCommit(SQLException e) {
        return Arrays.stream(e.getStackTrace()).anyMatch(frame -> COMMIT_METHODS.contains(frame.getMethodName()));
    }

    /** {@code failure}, its causes and their suppressed exceptions, breadth first, each once, at most {@value #MAX_DEPTH}. */
    private static List<Throwable> causesAndSuppressed(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && found.size() < MAX_DEPTH) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return found;
    }

    private static boolean isConnectionFailure(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().contains(ACQUISITION_TIMEOUT);
        }
        return state.startsWith("08") || SERVER_GOING_DOWN.contains(state);
    }

    /** The 503 answered when the database is unavailable: upstream-unavailable naming the database, with Retry-After. */
    public static ProblemException problem() {
        return new ProblemException(ProblemKind.UPSTREAM_UNAVAILABLE,
                "the database is unavailable; nothing was stored, try again in " + RETRY_AFTER_SECONDS + " seconds", null,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    /**
     * The 503 answered when the connection broke during COMMIT of a change: outcome-unknown, with
     * Retry-After. Repeating the request with the same Idempotency-Key is safe: when the first one
     * was stored, the key answers its stored response; when not, the retry does it once.
     *
     * @param withIdempotencyKey whether the request carried an Idempotency-Key (the detail tells the
     *                           client to send the same one again, or to read before retrying)
     */
    public static ProblemException outcomeUnknown(boolean withIdempotencyKey) {
        String retry = withIdempotencyKey
                ? "retry in " + RETRY_AFTER_SECONDS + " seconds with the same Idempotency-Key,"
                        + " which answers the stored result if it was stored and does it once if not"
                : "read it back before retrying in " + RETRY_AFTER_SECONDS + " seconds, or retry with an"
                        + " Idempotency-Key where the operation takes one";
        return new ProblemException(ProblemKind.OUTCOME_UNKNOWN,
                "the database connection was lost while committing, so whether this change was stored is unknown; "
                        + retry, null,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }
}
