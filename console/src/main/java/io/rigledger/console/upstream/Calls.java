package io.rigledger.console.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one call of a generated client and turns whatever went wrong into an {@link ApiProblem}: a
 * 4xx/5xx answer with its problem+json title, detail and violations; no answer (refused connection,
 * timeout) as 503 "service unavailable".
 */
final class Calls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Calls() {
    }

    /** The call's answer; {@code service} names the service in the problem when it fails. */
    static <T> T of(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw problem(service, e.getResponse());
        } catch (ProcessingException e) {
            throw unavailable(service);
        }
    }

    /** The service did not answer. */
    static ApiProblem unavailable(String service) {
        return new ApiProblem(service, 503, "Service unavailable", service + " did not answer; try again shortly", List.of());
    }

    /** A problem from an answer's status and its problem+json body (read as text), if any. */
    static ApiProblem problem(String service, Response response) {
        String body = "";
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException e) {
            body = "";
        }
        return problem(service, response.getStatus(), body);
    }

    /** A problem from a status and a body that should be problem+json (anything else: the status alone). */
    static ApiProblem problem(String service, int status, String body) {
        String title = Response.Status.fromStatusCode(status) == null ? "Error " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = "";
        List<String> violations = new ArrayList<>();
        try {
            JsonNode problem = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText("");
                for (JsonNode v : problem.path("violations")) {
                    violations.add(v.path("field").asText() + ": " + v.path("message").asText());
                }
            }
        } catch (IOException e) {
            detail = "";
        }
        return new ApiProblem(service, status, title, detail, violations);
    }
}
