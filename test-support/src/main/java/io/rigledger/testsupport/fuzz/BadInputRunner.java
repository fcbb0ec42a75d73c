package io.rigledger.testsupport.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends a {@link BadInputPlan} to a running service over one keep-alive HTTP/1.1 client (the JDK's,
 * so bodies go out as the exact bytes planned, invalid UTF-8 included; a few requests in flight on
 * reused connections) with a token allowed on each operation, and checks every answer
 * ({@link ProblemCheck}).
 */
public final class BadInputRunner {

    /** Requests on their way at once: enough to keep the service busy while answers are checked. */
    private static final int IN_FLIGHT = 3;

    /** Tokens live five minutes (test-support Tokens); a fresh one is taken well before. */
    private static final Duration TOKEN_AGE = Duration.ofMinutes(2);

    private BadInputRunner() {
    }

    /**
     * Runs the plan.
     *
     * @param base   the service's root, e.g. http://localhost:8081/ (a @TestHTTPResource URL)
     * @param tokens a bearer token of a role the operation allows (see {@link RoleTokens})
     * @return what was sent and answered; call {@link BadInputReport#assertEveryAnswerIsAProblem()}
     */
    public static BadInputReport run(URI base, BadInputPlan plan, Function<FuzzOperation, String> tokens) {
        ProblemCheck check = new ProblemCheck(plan.specFile());
        BadInputReport report = new BadInputReport(plan);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        Map<String, String> issued = new HashMap<>();
        Map<String, Long> issuedAt = new HashMap<>();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            Deque<Future<Answered>> pending = new ArrayDeque<>();
            for (BadRequest request : plan.requests()) {
                String id = request.operation().operationId();
                if (!issued.containsKey(id) || System.nanoTime() - issuedAt.get(id) > TOKEN_AGE.toNanos()) {
                    issued.put(id, tokens.apply(request.operation()));
                    issuedAt.put(id, System.nanoTime());
                }
                String token = issued.get(id);
                pending.add(senders.submit(() -> {
                    HttpResponse<byte[]> answer = send(client, root, request, token);
                    return new Answered(request, answer, check.check(request, answer));
                }));
                if (pending.size() >= IN_FLIGHT * 2) {
                    record(report, pending.poll());
                }
            }
            while (!pending.isEmpty()) {
                record(report, pending.poll());
            }
        } finally {
            senders.shutdownNow();
        }
        report.elapsed(System.nanoTime() - start);
        return report;
    }

    private record Answered(BadRequest request, HttpResponse<byte[]> answer, String failure) {
    }

    /** Records answers in the plan's order, so the report does not depend on timing. */
    private static void record(BadInputReport report, Future<Answered> future) {
        try {
            Answered a = future.get();
            report.record(a.request(), a.answer(), a.failure());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        }
    }

    private static HttpResponse<byte[]> send(HttpClient client, String root, BadRequest request, String token) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + request.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), body)
                .header("Authorization", "Bearer " + token);
        request.headers().forEach(b::header);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("the service dropped the connection on " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending " + request.describe(), e);
        }
    }
}
