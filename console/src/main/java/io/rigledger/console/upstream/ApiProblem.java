package io.rigledger.console.upstream;

import java.util.List;

/**
 * A service refused or failed a call the console made for the signed-in person: the service's own
 * RFC 9457 problem (status, title, detail and the fields it named), or 503 when the service did not
 * answer. The pages show it as a readable message (web.ProblemPages), never a stack trace.
 */
public class ApiProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final List<String> violations;

    /**
     * @param service    which service answered, e.g. {@code tariff-service}
     * @param status     its HTTP status (503 when it did not answer at all)
     * @param title      the problem's title
     * @param detail     the problem's detail, may be empty
     * @param violations "field: message" of each violation the problem named
     */
    public ApiProblem(String service, int status, String title, String detail, List<String> violations) {
        super(service + " answered " + status + ": " + title + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = List.copyOf(violations);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<String> violations() {
        return violations;
    }
}
