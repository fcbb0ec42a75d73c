package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every background job of a service: each method annotated with Quarkus' {@code @Scheduled} in the
 * service's main classes and the platform library it runs (fresh review R-11h D1: a job acts across
 * organisations with no caller, so no authorisation matrix cell ever reaches it). A service's test
 * names the cell (or the reason it needs none) of each job it found, and {@link #eachHasACell} fails
 * naming any job without one, so a new job cannot go unchecked. Matched by annotation name, so this
 * module needs no scheduler on its classpath.
 */
public final class ScheduledJobs {

    static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";

    private ScheduledJobs() {
    }

    /**
     * The jobs in the packages (e.g. "io.rigledger.procurement", "io.rigledger.platform"), as
     * "SimpleClassName.method", sorted; test classes are left out.
     */
    public static Set<String> in(String... packages) {
        // from target/classes or a jar alike (platform is a jar in a full build); test classes are not jobs
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
        Set<String> jobs = new TreeSet<>();
        classes.forEach(c -> {
            for (JavaMethod m : c.getMethods()) {
                if (m.isAnnotatedWith(SCHEDULED)) {
                    jobs.add(c.getSimpleName() + "." + m.getName());
                }
            }
        });
        return jobs;
    }

    /**
     * Fails naming each job of {@code packages} that {@code cells} does not name, and each cell naming a job
     * that is gone.
     *
     * @param cells "SimpleClassName.method" of each job to the test (or the reason) that proves it keeps every
     *              organisation's data to that organisation
     */
    public static void eachHasACell(Map<String, String> cells, String... packages) {
        Set<String> found = in(packages);
        Map<String, String> missing = new TreeMap<>();
        found.stream().filter(job -> !cells.containsKey(job)).forEach(job -> missing.put(job,
                "no cell: give it one that runs it with two organisations' work at once (same natural keys)"));
        cells.keySet().stream().filter(job -> !found.contains(job)).forEach(job -> missing.put(job, "is no longer a job"));
        assertEquals(Map.of(), missing, "every @Scheduled job needs a tenancy cell; found " + found);
    }
}
