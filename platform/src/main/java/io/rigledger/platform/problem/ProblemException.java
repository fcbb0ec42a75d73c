package io.rigledger.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on; answered as problem+json by {@link ProblemMappers}. Build one
 * with {@link Problems}. Carries no stack trace: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;

    /**
     * @param kind       status, type and title
     * @param detail     what went wrong, for the client
     * @param violations the bad fields (null or empty when none)
     * @param headers    response headers the answer needs (Retry-After, WWW-Authenticate, Allow)
     */
    public ProblemException(ProblemKind kind, String detail, List<Problem.Violation> violations,
                            Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(ProblemKind kind, String detail, List<Problem.Violation> violations) {
        this(kind, detail, violations, null);
    }

    public ProblemKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    /** The bad fields, or null when the problem names none. */
    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body for a request to {@code instance}; a path longer than
     * {@value Problem#MAX_INSTANCE_LENGTH} characters is left out rather than echoed (found by the
     * bad-input test: a 10,000-character path parameter made the answer break the contract's bound).
     */
    public Problem toProblem(String instance) {
        String shown = instance == null || instance.length() > Problem.MAX_INSTANCE_LENGTH ? null : instance;
        return new Problem(kind.type(), kind.title(), kind.status(), getMessage(), shown, violations, null);
    }
}
