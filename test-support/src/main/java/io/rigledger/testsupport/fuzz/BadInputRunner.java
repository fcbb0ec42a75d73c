package io.rigledger.testsupport.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends a {@link BadInputPlan} to a running service over one keep-alive HTTP/1.1 client (the JDK's,
 * so bodies go out as the exact bytes planned, invalid UTF-8 included) with a token allowed on
 * each operation, and checks every answer ({@link ProblemCheck}).
 */
public final class BadInputRunner {

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
        for (BadRequest request : plan.requests()) {
            String id = request.operation().operationId();
            if (!issued.containsKey(id) || System.nanoTime() - issuedAt.get(id) > TOKEN_AGE.toNanos()) {
                issued.put(id, tokens.apply(request.operation()));
                issuedAt.put(id, System.nanoTime());
            }
            HttpResponse<byte[]> answer = send(client, root, request, issued.get(id));
            report.record(request, answer, check.check(request, answer));
        }
        report.elapsed(System.nanoTime() - start);
        return report;
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
