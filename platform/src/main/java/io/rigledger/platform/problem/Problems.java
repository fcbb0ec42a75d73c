package io.rigledger.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The failures the services report, one factory per kind (RFC 9457; types
 * https://rigledger.io/problems/&lt;kind&gt;). Throw what these return; {@link ProblemMappers}
 * answers it.
 */
public final class Problems {

    private Problems() {
    }

    /** 400 for one bad field that bean validation cannot see (a cursor, a path id, a limit). */
    public static ProblemException badRequest(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    /** 400 naming every bad field; the detail lists them as "field message; ...". */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(ProblemKind.VALIDATION, detailOf(violations, " ", "invalid request"), violations);
    }

    /** 400 for a body that is not well-formed (not JSON, not UTF-8): nothing can be named but the body. */
    public static ProblemException malformed(String detail) {
        return new ProblemException(ProblemKind.MALFORMED, detail, null);
    }

    /**
     * 401 per RFC 6750: {@code WWW-Authenticate: Bearer} when the request carried no bearer token;
     * with {@code error="invalid_token", error_description="<reason>"} when it carried one that
     * failed, and the same reason as the detail.
     *
     * @param reason why the token was refused (expired, wrong issuer ...), or null for no token
     */
    public static ProblemException unauthorized(String reason) {
        if (reason == null) {
            return new ProblemException(ProblemKind.UNAUTHENTICATED, "a bearer token is required", null,
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        String safe = BearerChallenge.quotable(reason);
        return new ProblemException(ProblemKind.UNAUTHENTICATED, "invalid bearer token: " + safe, null,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + safe + "\""));
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail, null);
    }

    /** 404 for an id that does not exist or belongs to another organisation (the two read the same). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemKind.NOT_FOUND, "no " + what + " " + id, null);
    }

    /** 409: the request clashes with stored data or with itself; each violation names a field. */
    public static ProblemException conflict(List<Problem.Violation> violations) {
        return new ProblemException(ProblemKind.CONFLICT, detailOf(violations, " ", "the request conflicts with stored data"),
                violations);
    }

    /** 409 without a field to name (a state change that is not allowed now). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail, null);
    }

    /** 412: If-Match named a version that is no longer the current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemKind.PRECONDITION_FAILED, detail, null);
    }

    /** 428: this operation needs the named conditional header (If-Match). */
    public static ProblemException preconditionRequired(String header) {
        return new ProblemException(ProblemKind.PRECONDITION_REQUIRED,
                "send " + header + " with the ETag you last read, so that no one else's change is overwritten",
                List.of(new Problem.Violation(header, "is required")));
    }

    /** 415: a body in a media type the operation does not read. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, detail, null);
    }

    /** 422: well-formed, but the data cannot answer it; each violation names a field. */
    public static ProblemException unprocessable(List<Problem.Violation> violations) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, detailOf(violations, ": ", "the request cannot be processed"),
                violations);
    }

    /** 422 naming one field. */
    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(List.of(new Problem.Violation(field, message)));
    }

    /**
     * 429 with {@code Retry-After}: the caller sent more requests than its limit allows.
     *
     * @param retryAfterSeconds when the caller may try again, in whole seconds (at least 1)
     */
    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ProblemException(ProblemKind.TOO_MANY_REQUESTS,
                "too many requests; try again in " + seconds + " s", null,
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /**
     * 429 from the rate limiter, naming the limit: "more than 600 requests in 60 seconds; retry in 12
     * seconds", with {@code Retry-After}.
     *
     * @param limit             requests allowed per window
     * @param period            the window
     * @param retryAfterSeconds when the caller may try again, in whole seconds (at least 1)
     */
    public static ProblemException rateLimited(long limit, Duration period, long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ProblemException(ProblemKind.TOO_MANY_REQUESTS,
                "more than " + limit + " requests in " + period.toSeconds() + " seconds; retry in " + seconds + " seconds",
                null, Map.of("Retry-After", Long.toString(seconds)));
    }

    /** 503: a neighbour did not answer; nothing was stored. */
    public static UpstreamUnavailableException upstreamUnavailable(String service) {
        return new UpstreamUnavailableException(service);
    }

    private static String detailOf(List<Problem.Violation> violations, String separator, String none) {
        return violations.stream().map(v -> v.field() + separator + v.message())
                .reduce((a, b) -> a + "; " + b).orElse(none);
    }
}
