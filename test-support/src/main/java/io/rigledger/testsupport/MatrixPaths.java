package io.rigledger.testsupport;

import io.rigledger.testsupport.MatrixFixture.Ids;
import io.rigledger.testsupport.MatrixFixture.Side;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path parameters' values of a {@link MatrixFixture}: for each key (the path up to and including the
 * parameter, e.g. /api/sites/{site}/racks/{rack}) org A's, org B's and a missing value, plus the further
 * values some reads are tried at ({@link MatrixFixture#alsoAt}); and the concrete paths built from them.
 */
final class MatrixPaths {

    private final Map<String, Ids> ids = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Ids>>> also = new HashMap<>();
    private final Map<String, Map<String, Ids>> pathsOf = new HashMap<>();

    void put(String key, Ids values) {
        ids.put(key, values);
    }

    void addAlso(String operationId, Map<String, Ids> values) {
        also.computeIfAbsent(operationId, k -> new ArrayList<>()).add(Map.copyOf(values));
    }

    /** The further values of the operation's path parameters, each a map by key. */
    List<Map<String, Ids>> alsoAt(MatrixOperation op) {
        return also.getOrDefault(op.operationId(), List.of());
    }

    /**
     * The concrete path of the operation with each parameter's value of one side (some, by key, taken from
     * {@code overrides}), plus {@code query} when not null.
     *
     * @throws AssertionError naming the parameter when the fixture gives it no value
     */
    String path(MatrixOperation op, Side side, Map<String, Ids> overrides, String query) {
        overrides = withOwn(op, overrides);
        String path = op.pathTemplate();
        for (String key : op.idKeys()) {
            Ids values = overrides.getOrDefault(key, ids.get(key));
            if (values == null) {
                throw new AssertionError(op + ": the SecurityTest's fixture gives no values for " + key
                        + " (a resource of each organisation and a missing one)");
            }
            path = path.replace(key.substring(key.lastIndexOf('{')), values.on(side));
        }
        return query == null ? path : path + "?" + query;
    }

    /** The values of the operation's parameters on one side (some, by key, from {@code overrides}) that differ from the missing ones. */
    Map<String, String> distinctIds(MatrixOperation op, Side side, Map<String, Ids> overrides) {
        overrides = withOwn(op, overrides);
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : op.idKeys()) {
            Ids values = overrides.getOrDefault(key, ids.get(key));
            if (!values.other().equals(values.missing())) {
                found.put(key, side == Side.OTHER ? values.other() : values.missing());
            }
        }
        return found;
    }

    /** Other values of a path parameter (its key) for one operation only ({@link MatrixFixture#pathFor}). */
    void putFor(String operationId, String key, Ids values) {
        pathsOf.computeIfAbsent(operationId, k -> new HashMap<>()).put(key, values);
    }

    /** {@code overrides} over the operation's own values ({@link #putFor}) over the fixture's. */
    private Map<String, Ids> withOwn(MatrixOperation op, Map<String, Ids> overrides) {
        Map<String, Ids> own = pathsOf.get(op.operationId());
        if (own == null) {
            return overrides;
        }
        Map<String, Ids> merged = new HashMap<>(own);
        merged.putAll(overrides);
        return merged;
    }

    /** The value of a path parameter (its key) both organisations share (reference data), or null. */
    String shared(String key) {
        Ids values = ids.get(key);
        return values == null || !values.caller().equals(values.other()) ? null : values.caller();
    }

    /** The value of a path parameter (its key) on one side, or null when not registered. */
    String id(String key, Side side) {
        Ids values = ids.get(key);
        return values == null ? null : values.on(side);
    }
}
