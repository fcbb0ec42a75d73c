package io.rigledger.tariff.duty;

import java.util.Collections;
import java.util.Set;

/** Sets of ISO 3166-1 alpha-2 origins where the empty set means every origin. */
final class Countries {

    private Countries() {
    }

    static boolean intersect(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || !Collections.disjoint(a, b);
    }

    static boolean includes(Set<String> set, String origin) {
        return set.isEmpty() || set.contains(origin);
    }
}
