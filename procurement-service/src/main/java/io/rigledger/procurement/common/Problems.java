package io.rigledger.procurement.common;

import java.util.List;

/** The failures this service reports, one factory per kind (CONVENTIONS.md, Errors). */
public final class Problems {

    /** The problem type of every "a service we depend on did not answer" (503). */
    public static final String UPSTREAM_UNAVAILABLE = "upstream-unavailable";

    private Problems() {
    }

    /** 400 for one bad field that bean validation cannot see (a cursor, a path id, a limit). */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + " " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 422: the request is well-formed but the data cannot answer it; names each offending field. */
    public static ProblemException unprocessable(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request cannot be processed");
        return new ProblemException(422, "unprocessable", "Cannot be processed", detail, violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }
}
