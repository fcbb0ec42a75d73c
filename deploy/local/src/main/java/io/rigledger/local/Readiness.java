package io.rigledger.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Waits for processes to answer 200 on a URL each, failing early when one dies. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Readiness() {
    }

    /**
     * Polls every process's URL until each answers 200 and returns, per process, the time from its
     * launch until then. Throws {@link StartupFailure} for the first one that exits or is not ready
     * within {@code timeout} of its launch.
     */
    static Map<ChildProcess, Duration> awaitAll(Map<ChildProcess, String> urls, Duration timeout) {
        Map<ChildProcess, Duration> ready = new LinkedHashMap<>();
        while (ready.size() < urls.size()) {
            for (Map.Entry<ChildProcess, String> e : urls.entrySet()) {
                ChildProcess p = e.getKey();
                if (ready.containsKey(p)) {
                    continue;
                }
                if (!p.isAlive()) {
                    throw new StartupFailure(p.name(), "exited with code " + p.exitValue()
                            + " before it was ready", p.logFile(), p.tail(40));
                }
                if (answers200(e.getValue())) {
                    ready.put(p, p.sinceLaunch());
                } else if (p.sinceLaunch().compareTo(timeout) > 0) {
                    throw new StartupFailure(p.name(), "was not ready within " + timeout.toSeconds()
                            + " s (" + e.getValue() + " did not answer 200)", p.logFile(), p.tail(40));
                }
            }
            if (ready.size() < urls.size()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the stack", ex);
                }
            }
        }
        return ready;
    }

    static boolean answers200(String url) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when nothing listens on {@code port} (any address). */
    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
