package io.rigledger.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaEnumConstant;

import java.util.Set;

/** Reads jakarta.transaction.Transactional by name: whether its TxType runs the method inside a transaction. */
final class Transactions {

    static final String ANNOTATION = "jakarta.transaction.Transactional";
    /** Types under which the method body runs with no transaction (the caller's is suspended or forbidden). */
    private static final Set<String> OUTSIDE = Set.of("NOT_SUPPORTED", "NEVER");

    private Transactions() {
    }

    static boolean runsInside(JavaAnnotation<?> transactional) {
        return transactional.get("value")
                .map(v -> v instanceof JavaEnumConstant type ? !OUTSIDE.contains(type.name()) : Boolean.TRUE)
                .orElse(Boolean.TRUE);
    }
}
