package io.rigledger.inventory.access;

import io.rigledger.inventory.common.Problem.Violation;
import io.rigledger.inventory.common.ProblemException;

import java.util.List;

/** 400 problems with several named fields (the shared Problems factory names one field at a time). */
public final class Invalid {

    private Invalid() {
    }

    /** 400 validation problem listing each violation, e.g. rigs[3].serialNumber. */
    public static ProblemException fields(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ProblemException(400, "validation", "Invalid request", detail, violations);
    }
}
