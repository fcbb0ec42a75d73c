package io.rigledger.testsupport;

import io.rigledger.testsupport.MatrixFixture.Ids;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The id fields' values of a {@link MatrixFixture} ({@link MatrixFixture#field}): org B's real value and a missing
 * one, fixed or made afresh for each cell, by the field's last name or by {@code operationId:name} for one operation.
 */
final class MatrixFieldValues {

    private final Map<String, Ids> fixed = new HashMap<>();
    private final Map<String, Supplier<Ids>> fresh = new HashMap<>();

    void put(String name, Ids values) {
        fixed.put(name, values);
    }

    void putFresh(String name, Supplier<Ids> values) {
        fresh.put(name, values);
    }

    /** Whether the field's values are made afresh for each cell (a supplier storing org B's value in org B's data). */
    boolean isFresh(MatrixOperation op, IdFields.IdField field) {
        return fresh.containsKey(op.operationId() + ":" + field.name()) || fresh.containsKey(field.leaf());
    }

    /** Org B's and a missing value of an id field of the operation (a fresh one made now), or null when none is given. */
    Ids of(MatrixOperation op, IdFields.IdField field) {
        Supplier<Ids> made = fresh.getOrDefault(op.operationId() + ":" + field.name(), fresh.get(field.leaf()));
        if (made != null) {
            return made.get();
        }
        Ids exact = fixed.get(op.operationId() + ":" + field.name());
        return exact != null ? exact : fixed.get(field.leaf());
    }
}
