package io.rigledger.platform.problem;

import java.util.Map;

/**
 * A neighbour could not be reached, timed out, answered 5xx, or refused our credentials. Answered
 * 503 upstream-unavailable with {@code Retry-After}; fault-tolerance policies retry on it and count it (and only it) towards
 * opening a circuit, so no caller's bad input can make a neighbour look down.
 */
public class UpstreamUnavailableException extends ProblemException {

    /** Seconds the answer's {@code Retry-After} asks a client to wait (every 503 carries one: the contracts' ServiceUnavailable). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final String service;

    /** @param service the neighbour's name, e.g. tariff-service */
    public UpstreamUnavailableException(String service) {
        super(ProblemKind.UPSTREAM_UNAVAILABLE, service + " did not answer; nothing was stored, try again later", null,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
        this.service = service;
    }

    public String service() {
        return service;
    }
}
