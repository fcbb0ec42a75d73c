package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ScheduledJobs finds the work a fixture starts outside a request, and fails naming a job without a cell. */
class ScheduledJobsTest {

    private static final Set<String> FOUND = ScheduledJobs.in(
            new ClassFileImporter().importPackages("io.rigledger.testsupport.arch.fixture.jobs"));

    @Test
    void findsThreadsExecutorsAndSchedulesButNotMereUse() {
        assertTrue(FOUND.containsAll(Set.of("Workers.startWriter", "Workers.pool", "Workers.every", "Workers.<init>")), FOUND.toString());
        assertTrue(FOUND.stream().noneMatch(j -> j.equals("Workers.name") || j.equals("Workers.submit")), FOUND.toString());
    }

    @Test
    void aThreadStartedInALambdaIsFoundToo() {
        assertTrue(FOUND.stream().anyMatch(j -> j.startsWith("Workers.") && j.contains("startLater")), FOUND.toString());
    }

    @Test
    void aJobWithoutACellAndACellWithoutAJobAreBothNamed() {
        Map<String, String> missing = ScheduledJobs.missing(Map.of("Workers.pool", "its cell", "Gone.job", "a cell"), FOUND);
        assertEquals("is no longer a job", missing.get("Gone.job"));
        assertTrue(missing.get("Workers.startWriter").startsWith("no cell"), missing.toString());
        assertTrue(!missing.containsKey("Workers.pool"), missing.toString());
    }
}
