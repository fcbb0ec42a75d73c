package io.rigledger.testsupport;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The markers of a {@link MatrixFixture}: text of org B's data that org A's answers must not show (less what org
 * A's own accepted writes stored, {@link #adopt}), and text of org A's data an allowed read of org A's must show.
 */
final class MatrixMarkers {

    private final Set<String> other = new LinkedHashSet<>();
    private final Set<String> own = new LinkedHashSet<>();
    private final Set<String> adopted = ConcurrentHashMap.newKeySet();

    MatrixMarkers(String callerOrg, String otherOrg) {
        other.add(otherOrg);
        // its people's names (operator-<org>, ...) show in what they did, so org A's name is org A's data too
        own.add(callerOrg);
    }

    void addOther(String... text) {
        other.addAll(Set.of(text));
    }

    void addOwn(String... text) {
        own.addAll(Set.of(text));
    }

    /** Org B's markers less the values org A's own accepted writes stored. */
    Set<String> other() {
        Set<String> markers = new LinkedHashSet<>(other);
        markers.removeAll(adopted);
        return markers;
    }

    Set<String> own() {
        return own;
    }

    /** A value of org B's that org A's own write, answered exactly as for a value naming nothing, stored as its own. */
    void adopt(String value) {
        adopted.add(value);
    }
}
