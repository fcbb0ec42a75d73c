package io.rigledger.inventory.common;

import java.util.List;

/** The failures this service reports, one factory per kind (CONVENTIONS.md, Errors). */
public final class Problems {

    private Problems() {
    }

    /** 400 for one bad field that bean validation cannot see (a cursor, a path parameter). */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + " " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 403 for a caller whose roles fit but whose token cannot be scoped (no organisation). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id, null);
    }

    /** 409: the request clashes with stored data or with itself; each violation names a field. */
    public static ProblemException conflict(List<Problem.Violation> violations) {
        return new ProblemException(409, "conflict", "Conflict", detailOf(violations), violations);
    }

    /** 422: well-formed, but refers to something unknown; each violation names a field. */
    public static ProblemException unprocessable(List<Problem.Violation> violations) {
        return new ProblemException(422, "unprocessable", "Cannot be processed", detailOf(violations), violations);
    }

    private static String detailOf(List<Problem.Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request cannot be processed");
    }
}
