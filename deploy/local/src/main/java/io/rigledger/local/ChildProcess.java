package io.rigledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process of the stack with its output in one log file. Stopping it stops its whole tree:
 * kc.sh, for one, runs Keycloak as a java child.
 */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long launchedAtNanos;

    private ChildProcess(String name, Process process, Path logFile, long launchedAtNanos) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.launchedAtNanos = launchedAtNanos;
    }

    /** Starts {@code command} with {@code extraEnv} added to this process's environment. */
    static ChildProcess launch(String name, List<String> command, Map<String, String> extraEnv,
                               Path workDir, Path logFile) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().putAll(extraEnv);
        long t0 = System.nanoTime();
        try {
            return new ChildProcess(name, pb.start(), logFile, t0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
    }

    /** Resident memory of the process and its descendants, in KiB, from /proc/&lt;pid&gt;/status VmRSS. */
    long rssKib() {
        return tree().mapToLong(p -> vmRssKib(p.pid())).sum();
    }

    static long vmRssKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0; // gone, or no /proc
        }
    }

    /**
     * Asks the whole tree to stop (SIGTERM), waits up to {@code grace}, then kills what is left
     * (SIGKILL) and waits for that too. Safe to call more than once.
     */
    void stop(Duration grace) {
        stopTree(name, process.toHandle(), grace);
    }

    /**
     * SIGKILL to the process and every descendant at once, as a crash or the kernel's OOM killer
     * would: nothing gets to run a shutdown hook. Waits up to 30 s until all are gone.
     */
    void kill() {
        List<ProcessHandle> tree = tree().filter(ProcessHandle::isAlive).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(tree, Duration.ofSeconds(30))) {
            throw new IllegalStateException(name + " still runs 30 s after SIGKILL");
        }
    }

    /** Stops {@code root} and all its descendants: SIGTERM, then SIGKILL after {@code grace}. */
    static void stopTree(String name, ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants())
                .filter(ProcessHandle::isAlive).toList();
        if (tree.isEmpty()) {
            return;
        }
        // children first, so a wrapper script does not get to respawn or orphan them
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        if (!awaitExit(tree, grace)) {
            LocalStack.say(name + " did not stop within " + grace.toSeconds() + " s; killing it");
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    /** This process first, then every descendant, snapshotted now. */
    private Stream<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants());
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // onExit never fails; treat as exited
            }
        }
        return true;
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(l -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(l);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), new ArrayList<>(last));
    }
}
