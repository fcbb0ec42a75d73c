package io.rigledger.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupFailureTest {

    @Test
    void aFlywayChecksumMismatchPointsAtRunShFresh() {
        String tail = "{\"message\":\"Validate failed: Migrations have failed validation\\nMigration checksum mismatch"
                + " for migration version 2\"}";
        String report = new StartupFailure("tariff-service", "exited with code 1 before it was ready",
                Path.of("tariff-service.log"), tail).report();

        assertTrue(report.contains("./run.sh --fresh"), report);
    }

    @Test
    void otherFailuresDoNotMentionFresh() {
        String report = new StartupFailure("tariff-service", "exited with code 1 before it was ready",
                Path.of("tariff-service.log"), "Port 8083 seems to be in use").report();

        assertFalse(report.contains("--fresh"), report);
    }
}
