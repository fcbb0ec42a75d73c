package io.rigledger.procurement.common;

/**
 * A neighbour (tariff-service, inventory-service) could not be reached, answered 5xx, or refused
 * our credentials. Answered as 503 upstream-unavailable; the fault-tolerance policies on the
 * upstream adapters retry on it and count it towards opening their circuit.
 */
public class UpstreamUnavailableException extends ProblemException {

    public UpstreamUnavailableException(String service) {
        super(503, Problems.UPSTREAM_UNAVAILABLE, "Upstream unavailable",
                service + " did not answer; nothing was stored, try again later", null);
    }
}
