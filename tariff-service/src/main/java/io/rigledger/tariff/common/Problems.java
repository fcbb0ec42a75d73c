package io.rigledger.tariff.common;

import java.util.List;

/** The failures this service reports, one factory per kind (CONVENTIONS.md, Errors). */
public final class Problems {

    private Problems() {
    }

    /** 400 for one bad field that bean validation cannot see (a cursor, a parameter combination). */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + " " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 422: the request is well-formed but the data cannot answer it; names the offending field. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Cannot be processed", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id, null);
    }
}
