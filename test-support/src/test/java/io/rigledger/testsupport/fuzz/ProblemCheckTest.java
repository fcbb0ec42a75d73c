package io.rigledger.testsupport.fuzz;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer checker fails every kind of wrong answer (so the bad-input test can fail) and passes a right one. */
class ProblemCheckTest {

    private static final String PROBLEM = "{\"type\":\"https://rigledger.io/problems/validation\",\"title\":\"Invalid request\","
            + "\"status\":%d,\"detail\":\"count must be at most 10\",\"violations\":[{\"field\":\"count\",\"message\":\"must be at most 10\"}]}";

    private final ProblemCheck check = new ProblemCheck(BadInputPlanTest.THINGS);
    private final BadRequest request = BadInputPlan.forContract(BadInputPlanTest.THINGS).requests(10).build().requests().stream()
            .filter(r -> r.operation().operationId().equals("createThing") && r.expected().equals(Set.of(400)))
            .findFirst().orElseThrow();

    private record Answer(int statusCode, HttpHeaders headers, byte[] body) implements HttpResponse<byte[]> {

        static Answer of(int status, String type, String body) {
            Map<String, List<String>> headers = type == null ? Map.of() : Map.of("Content-Type", List.of(type));
            return new Answer(status, HttpHeaders.of(headers, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://localhost/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private String verdict(int status, String type, String body) {
        return check.check(request, Answer.of(status, type, body));
    }

    @Test
    void aDocumentedProblemWithTheExpectedStatusIsRight() {
        assertNull(verdict(400, "application/problem+json", PROBLEM.formatted(400)));
    }

    @Test
    void everyWrongAnswerIsNamed() {
        assertTrue(verdict(500, "application/problem+json", PROBLEM.formatted(500)).startsWith("5xx"));
        assertTrue(verdict(201, "application/json", "{}").startsWith("accepted"));
        assertTrue(verdict(400, "text/plain", "bad").startsWith("not problem+json"));
        assertTrue(verdict(400, null, "").startsWith("not problem+json"));
        assertTrue(verdict(400, "application/problem+json", PROBLEM.formatted(422)).startsWith("not problem+json"));
        assertTrue(verdict(403, "application/problem+json", PROBLEM.formatted(403)).startsWith("did not reach validation"));
        assertTrue(verdict(404, "application/problem+json", PROBLEM.formatted(404)).startsWith("wrong status"));
        assertTrue(verdict(400, "application/problem+json", PROBLEM.formatted(400).replace("}]}", "}],\"stack\":\"at x\"}"))
                .startsWith("breaks the contract"));
    }

    @Test
    void anHttpLayerAnswerIsHeldToTheProblemSchema() {
        BadRequest longUri = new BadRequest(request.operation(), "param.1M", "cursor", BadRequest.Rule.CONTRACT,
                "/api/things?cursor=" + "a".repeat(20_000), null, null, null, Set.of(400, 414));
        assertNull(check.check(longUri, Answer.of(414, "application/problem+json", PROBLEM.formatted(414))));
        assertTrue(check.check(longUri, Answer.of(414, "application/problem+json", "{\"status\":414}"))
                .startsWith("breaks the contract"));
    }
}
