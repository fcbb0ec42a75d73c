package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.Problem;

import java.util.List;

/**
 * tariff-service understood the quote request but cannot answer it (422, e.g. no rate covers a
 * line's HTS code on that date). Fields are named as in tariff-service's request
 * ({@code lines[1].htsCode}); neither retried nor counted as a failure by the circuit breaker.
 */
public class QuoteRejectedException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public QuoteRejectedException(String detail, List<Problem.Violation> violations) {
        super(detail == null ? "tariff-service cannot quote this order" : detail, null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
