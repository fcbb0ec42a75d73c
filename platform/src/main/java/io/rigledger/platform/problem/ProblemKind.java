package io.rigledger.platform.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the services answer: its status, the last segment of its type URI
 * (https://rigledger.io/problems/&lt;slug&gt;) and its title. One list, so the same failure reads
 * the same in all three services.
 */
public enum ProblemKind {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED(400, "malformed", "Malformed request body"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Cannot be processed"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    TOO_MANY_REQUESTS(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL(500, "internal", "Internal error"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Upstream unavailable"),
    /**
     * The database connection broke during COMMIT: the change may or may not be stored. Listed after
     * UPSTREAM_UNAVAILABLE, so {@link #ofStatus} still answers that one for 503.
     */
    OUTCOME_UNKNOWN(503, "outcome-unknown", "Outcome unknown");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The full type URI. */
    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    /** The first kind answering this status (400 is VALIDATION), if any. */
    public static Optional<ProblemKind> ofStatus(int status) {
        return Arrays.stream(values()).filter(k -> k.status == status).findFirst();
    }

    /** A problem of this kind for one request path. */
    public Problem problem(String detail, String instance) {
        return new Problem(type(), title, status, detail, instance, null, null);
    }
}
