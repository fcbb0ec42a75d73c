package io.rigledger.inventory.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark's two servers from /proc (Linux only): the inventory-service process and
 * the embedded PostgreSQL (its postmaster, every child it has now and the exited children it reaped).
 * Divided by the requests of a run it is the cost of one request, which, unlike latency, does not
 * depend on what else the machine is running. Resolution: one clock tick (10 ms at 100 Hz) per run.
 */
final class ProcessCpu {

    /**
     * CPU milliseconds so far of the service, of its request threads alone (Vert.x event loops and the
     * worker pool: what a request runs on, without the JIT compilers, GC and other background threads of
     * the same process) and of PostgreSQL.
     */
    record Sample(double serviceMs, double requestThreadsMs, double postgresMs) {
    }

    /** Thread names (as /proc shows them: the first 15 characters) of the threads requests run on. */
    private static final List<String> REQUEST_THREADS = List.of("vert.x-eventloo", "executor-threa");

    private static final double TICK_MS = 1000.0 / clockTicks();

    private final long servicePid;
    private final long postmasterPid;

    private ProcessCpu(long servicePid, long postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    /** Meters {@code servicePid} and the PostgreSQL server {@code c} is connected to (its postmaster.pid). */
    static ProcessCpu of(long servicePid, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            List<String> lines = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid"), StandardCharsets.US_ASCII);
            return new ProcessCpu(servicePid, Long.parseLong(lines.get(0).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("postmaster.pid of the benchmark's PostgreSQL unreadable", e);
        }
    }

    Sample now() {
        long pg = ticks(postmasterPid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] f = fields(p.resolve("stat"));
                if (f != null && Long.parseLong(f[1]) == postmasterPid) {
                    pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("/proc unreadable", e);
        }
        long requestThreads = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(servicePid), "task"))) {
            for (Path t : tasks.toList()) {
                String[] f = fields(t.resolve("stat"));
                String name = comm(t);
                if (f != null && name != null && REQUEST_THREADS.stream().anyMatch(name::startsWith)) {
                    requestThreads += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("threads of the service unreadable", e);
        }
        return new Sample(ticks(servicePid, false) * TICK_MS, requestThreads * TICK_MS, pg * TICK_MS);
    }

    /**
     * "CPU per request service x ms (request threads y ms) PostgreSQL z ms" over {@code requests} since
     * {@code before}.
     */
    String perRequest(Sample before, int requests) {
        Sample after = now();
        return String.format(Locale.ROOT, "CPU per request service %.3f ms (request threads %.3f ms) PostgreSQL %.3f ms",
                (after.serviceMs() - before.serviceMs()) / requests,
                (after.requestThreadsMs() - before.requestThreadsMs()) / requests,
                (after.postgresMs() - before.postgresMs()) / requests);
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
        } catch (IOException gone) {
            return null;
        }
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String[] f = fields(Path.of("/proc", Long.toString(pid), "stat"));
        if (f == null) {
            throw new IllegalStateException("process " + pid + " is gone");
        }
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    /** /proc/pid/stat from field 3 (state) on, so f[1] is ppid and f[11..14] utime, stime, cutime, cstime. */
    private static String[] fields(Path stat) {
        try {
            String s = Files.readString(stat, StandardCharsets.US_ASCII);
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
