package io.rigledger.platform.problem;

/**
 * A neighbour could not be reached, timed out, answered 5xx, or refused our credentials. Answered
 * 503 upstream-unavailable; fault-tolerance policies retry on it and count it (and only it) towards
 * opening a circuit, so no caller's bad input can make a neighbour look down.
 */
public class UpstreamUnavailableException extends ProblemException {

    private final String service;

    /** @param service the neighbour's name, e.g. tariff-service */
    public UpstreamUnavailableException(String service) {
        super(ProblemKind.UPSTREAM_UNAVAILABLE, service + " did not answer; nothing was stored, try again later", null);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
