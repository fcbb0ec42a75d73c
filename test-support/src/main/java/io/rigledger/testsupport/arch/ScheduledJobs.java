package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every background job of a service: each method annotated with Quarkus' {@code @Scheduled}, and each
 * method that starts work of its own outside a request (creates a {@link Thread}, takes an executor from
 * {@code java.util.concurrent.Executors}, schedules on a {@code ScheduledExecutorService} or a Vert.x timer,
 * or builds a job with Quarkus' programmatic {@code Scheduler}) in the service's main classes and the
 * platform library it runs, and every Quartz {@code Job} (fresh review R-11h D1: such work acts across
 * organisations with no caller, so no authorisation matrix cell ever reaches it; review R-11i: a writer
 * thread batching several organisations' rows is one). A service's test names the cell (or the reason it
 * needs none) of each job it found, and {@link #eachHasACell} fails naming any job without one, so a new
 * job cannot go unchecked. Matched by name, so this module needs no scheduler on its classpath.
 */
public final class ScheduledJobs {

    static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    static final String QUARTZ_JOB = "org.quartz.Job";

    /** Calls that start work outside a request: the owner's class name to the method names (empty: any). */
    static final Map<String, Set<String>> STARTS_WORK = Map.of(
            "java.util.concurrent.Executors", Set.of(),
            "java.util.concurrent.ScheduledExecutorService", Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"),
            "io.vertx.core.Vertx", Set.of("setPeriodic", "setTimer", "periodicStream", "timerStream"),
            "io.vertx.mutiny.core.Vertx", Set.of("setPeriodic", "setTimer", "periodicStream", "timerStream"),
            "io.quarkus.scheduler.Scheduler", Set.of("newJob"));

    private ScheduledJobs() {
    }

    /**
     * The jobs in the packages (e.g. "io.rigledger.procurement", "io.rigledger.platform"), as
     * "SimpleClassName.method" (the {@code @Scheduled} method, the method that starts the thread, executor or
     * timer, or a Quartz job's execute), sorted; test classes are left out.
     */
    public static Set<String> in(String... packages) {
        // from target/classes or a jar alike (platform is a jar in a full build); test classes are not jobs
        return in(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages));
    }

    /** The jobs among {@code classes}, named as by {@link #in(String...)}. */
    static Set<String> in(JavaClasses classes) {
        Set<String> jobs = new TreeSet<>();
        classes.forEach(c -> {
            if (c.isAssignableTo(QUARTZ_JOB) && !c.isInterface()) {
                jobs.add(c.getSimpleName() + ".execute");
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (m.isAnnotatedWith(SCHEDULED) || startsWork(m)) {
                    jobs.add(c.getSimpleName() + "." + m.getName());
                }
            }
        });
        return jobs;
    }

    private static boolean startsWork(JavaCodeUnit m) {
        boolean thread = m.getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(Thread.class));
        return thread || m.getMethodCallsFromSelf().stream().anyMatch(call -> {
            Set<String> names = STARTS_WORK.get(call.getTargetOwner().getName());
            return names != null && (names.isEmpty() || names.contains(call.getName()));
        });
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
        assertEquals(Map.of(), missing(cells, found), "every background job needs a tenancy cell; found " + found);
    }

    /** Each job of {@code found} that {@code cells} does not name, and each cell naming a job not found, with why. */
    static Map<String, String> missing(Map<String, String> cells, Set<String> found) {
        Map<String, String> missing = new TreeMap<>();
        found.stream().filter(job -> !cells.containsKey(job)).forEach(job -> missing.put(job,
                "no cell: give it one that runs it with two organisations' work at once (same natural keys)"));
        cells.keySet().stream().filter(job -> !found.contains(job)).forEach(job -> missing.put(job, "is no longer a job"));
        return missing;
    }
}
