package io.rigledger.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are a database outage (503 with Retry-After) and which stay a bug (500). */
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

    /** A failed COMMIT reported as a rollback with the lost connection attached as suppressed (no cause). */
    @Test
    void anOutageAttachedAsSuppressedIsAnOutage() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseOutage.isOutage(new IllegalStateException("Error invoking subclass method", rollback)));
        Exception other = new Exception("could not commit");
        other.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseOutage.isOutage(other));
    }

    @Test
    void theAnswerIs503UpstreamUnavailableWithRetryAfter() {
        ProblemException problem = DatabaseOutage.problem();
        assertEquals(503, problem.status());
        assertEquals(ProblemKind.UPSTREAM_UNAVAILABLE, problem.kind());
        assertEquals("5", problem.headers().get("Retry-After"));
        assertTrue(problem.getMessage().contains("database"), problem.getMessage());
    }
}
