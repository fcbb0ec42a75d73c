package io.rigledger.platform.problem;

import io.rigledger.platform.problem.DatabaseOutage.Verdict;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are a database outage (503 with Retry-After) and which stay a bug (500); of the
 * outages, which broke the connection during COMMIT (outcome unknown) and which before it (nothing stored).
 */
class DatabaseOutageTest {

    /** As Hibernate and Agroal hand failures up: the driver's exception a few causes down. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("could not prepare statement", new RuntimeException("JDBC", cause));
    }

    @ParameterizedTest
    @CsvSource({
            "08001, Connection to localhost:5432 refused",
            "08006, An I/O error occurred while sending to the backend",
            "08003, This connection has been closed",
            "57P01, terminating connection due to administrator command",
            "57P03, the database system is starting up"})
    void connectionStatesAreAnOutage(String state, String message) {
        assertTrue(DatabaseOutage.isOutage(wrapped(new SQLException(message, state))), state);
    }

    @Test
    void thePoolsAcquisitionTimeoutAndJdbcConnectionTypesAreAnOutage() {
        assertTrue(DatabaseOutage.isOutage(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseOutage.isOutage(new SQLTransientConnectionException("pool exhausted")));
    }

    @ParameterizedTest
    @CsvSource({
            "23505, duplicate key value violates unique constraint",
            "42P01, relation does not exist",
            "40001, could not serialize access"})
    void otherDatabaseErrorsAreNot(String state, String message) {
        assertFalse(DatabaseOutage.isOutage(wrapped(new SQLException(message, state))), state);
    }

    @Test
    void aFailureWithoutAnSqlCauseIsNot() {
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("bug", new NullPointerException())));
        assertFalse(DatabaseOutage.isOutage(wrapped(new SQLException("no state"))));
    }

    /**
     * The shapes a lost connection takes when a COMMIT fails under Quarkus (Narayana over Agroal):
     * the interceptor's wrapper, then jakarta.transaction's RollbackException "ARJUNA016053: Could
     * not commit transaction.", with the driver's error as its cause (through Agroal's XAException),
     * as a suppressed exception, or nowhere at all.
     */
    private static RuntimeException commitFailed(Throwable cause, Throwable suppressed) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        if (cause != null) {
            rollback.initCause(cause);
        }
        if (suppressed != null) {
            rollback.addSuppressed(suppressed);
        }
        return new IllegalStateException("Error invoking subclass method", rollback);
    }

    private static XAException agroal(SQLException cause) {
        XAException xa = new XAException(XAException.XA_RBROLLBACK);
        xa.initCause(cause);
        return xa;
    }

    /**
     * The driver's exception for a lost connection of this state: 08006 the socket broke, 08003 the
     * connection was closed, 57P01 the server's FATAL "terminating connection due to administrator
     * command" (the driver builds that one from the server's message; its state is the same).
     */
    private static SQLException lost(String state) {
        return switch (state) {
            case "08006" -> new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
            case "08003" -> new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
            default -> new SQLException("terminating connection due to administrator command", state);
        };
    }

    /** {@link #lost} as PgConnection.commit throws it when the connection breaks during COMMIT. */
    private static SQLException atCommit(String state) {
        SQLException e = lost(state);
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.postgresql.core.v3.QueryExecutorImpl", "execute", "QueryExecutorImpl.java", 384),
                new StackTraceElement("org.postgresql.jdbc.PgConnection", "executeTransactionCommand", "PgConnection.java", 1012),
                new StackTraceElement("org.postgresql.jdbc.PgConnection", "commit", "PgConnection.java", 1034),
                new StackTraceElement("io.agroal.pool.ConnectionHandler", "transactionCommit", "ConnectionHandler.java", 380)});
        return e;
    }

    @Test
    void aCommitFailureWithoutAnyCauseHasAnUnknownOutcome() {
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(commitFailed(null, null)));
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(new HeuristicMixedException()));
    }

    @Test
    void aCommitFailureWithTheLostConnectionSuppressedHasAnUnknownOutcome() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(commitFailed(null, terminated)));
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(commitFailed(null, agroal(terminated))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01"})
    void aCommitFailureCausedByTheLostConnectionHasAnUnknownOutcome(String state) {
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(commitFailed(agroal(lost(state)), null)));
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(commitFailed(lost(state), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01"})
    void theDriversConnectionFailureRaisedByCommitHasAnUnknownOutcome(String state) {
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(atCommit(state)));
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(wrapped(atCommit(state))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01"})
    void aConnectionLostBeforeCommitStoredNothing(String state) {
        assertEquals(Verdict.UNAVAILABLE, DatabaseOutage.classify(wrapped(lost(state))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "57P01"})
    void anAutocommitStatementThatLostItsConnectionAfterItWasSentHasAnUnknownOutcome(String state) {
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(new DatabaseOutage.UnconfirmedStatement("the insert", lost(state))));
        assertEquals(Verdict.OUTCOME_UNKNOWN, DatabaseOutage.classify(
                new IllegalStateException("order", new DatabaseOutage.UnconfirmedStatement("the insert", lost(state)))));
    }

    @Test
    void anAutocommitStatementPostgresqlRefusedIsNotAnOutage() {
        PSQLException duplicate = new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION);
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(new DatabaseOutage.UnconfirmedStatement("the insert", duplicate)));
    }

    @Test
    void aDuplicateKeyIsNeverAnOutageNotEvenAtCommit() {
        PSQLException duplicate = new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION);
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(wrapped(duplicate)));
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(commitFailed(duplicate, null)));
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(commitFailed(null, duplicate)));
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(commitFailed(agroal(duplicate), null)));
        // the flush's duplicate key, then the lost connection when rolling back: rolled back either way
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(
                commitFailed(duplicate, new SQLException("connection lost", "08006"))));
    }

    @Test
    void aCommitFailureCausedByABugIsNotAnOutage() {
        assertEquals(Verdict.NOT_AN_OUTAGE, DatabaseOutage.classify(commitFailed(new NullPointerException(), null)));
        assertFalse(DatabaseOutage.isOutage(commitFailed(new IllegalStateException("synchronization failed"), null)));
    }

    @Test
    void theUnknownOutcomeIs503OutcomeUnknownTellingToRetryWithTheSameKey() {
        ProblemException keyed = DatabaseOutage.outcomeUnknown(true);
        assertEquals(503, keyed.status());
        assertEquals(ProblemKind.OUTCOME_UNKNOWN, keyed.kind());
        assertEquals("https://rigledger.io/problems/outcome-unknown", keyed.kind().type());
        assertEquals("5", keyed.headers().get("Retry-After"));
        assertTrue(keyed.getMessage().contains("unknown"), keyed.getMessage());
        assertTrue(keyed.getMessage().contains("with the same Idempotency-Key"), keyed.getMessage());
        assertTrue(DatabaseOutage.outcomeUnknown(false).getMessage().contains("read it back"));
        assertEquals(ProblemKind.UPSTREAM_UNAVAILABLE, ProblemKind.ofStatus(503).orElseThrow());
    }

    @Test
    void theAnswerIs503UpstreamUnavailableWithRetryAfter() {
        ProblemException problem = DatabaseOutage.problem();
        assertEquals(503, problem.status());
        assertEquals(ProblemKind.UPSTREAM_UNAVAILABLE, problem.kind());
        assertEquals("5", problem.headers().get("Retry-After"));
        assertTrue(problem.getMessage().contains("database"), problem.getMessage());
    }

    @Test
    void aNeighboursOutageCarriesRetryAfterLikeEvery503() {
        assertEquals("5", Problems.upstreamUnavailable("tariff-service").headers().get("Retry-After"));
    }
}
