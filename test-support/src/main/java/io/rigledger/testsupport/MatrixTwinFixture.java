package io.rigledger.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a {@link MatrixFixture} says of the matrix's twins ({@link MatrixFixture#twins()}): the writes that make each
 * twin's data and the bodies of the twins' own writes, read by the {@link SecurityMatrix.Kind#TWINS} cells (see
 * {@link MatrixTwinCalls}): every org-scoped read and every org-scoped write at a path must answer the twins alike
 * once each one's values are masked.
 */
public final class MatrixTwinFixture {

    /**
     * The writes of one of the matrix's twins (fresh reviews R-11f D1, R-11h D3): given a fresh organisation, make
     * in it through the API the same writes as for any other twin (so its versions and counts end where the
     * others' do) and answer the values they stored by name (each path parameter's value of its own resources
     * under the path's key, as in {@link MatrixFixture#ids}, e.g. {@code /api/sites/{site}}).
     */
    @FunctionalInterface
    public interface TwinWrites {
        /**
         * @param org  the twin's organisation
         * @param like empty for the first two twins, which use values of their own (distinct from the other's, of the
         *             same length and order: codes, serial numbers, names from one fresh stem each); for the third,
         *             the first twin's values: reuse those that are each organisation's own names (a site or rack
         *             code, a serial number, a MAC, an entry number, a supplier), so that a count or sum over the
         *             same names in any organisation differs between the first twin and the second
         */
        Map<String, String> make(String org, Map<String, String> like);
    }

    private TwinWrites writes;
    private final Map<String, Function<Map<String, String>, String>> bodies = new HashMap<>();

    MatrixTwinFixture() {
    }

    /** The writes of the matrix's twins (see {@link MatrixTwinCalls}). */
    public MatrixTwinFixture writes(TwinWrites writes) {
        this.writes = writes;
        return this;
    }

    /**
     * The body a twin sends in the operation's twin cell, made from its values ({@link TwinWrites}), where the
     * fixture's body names org A's resources (a rig's new position at org A's site); else the contract's example.
     */
    public MatrixTwinFixture body(String operationId, Function<Map<String, String>, String> json) {
        bodies.put(operationId, json);
        return this;
    }

    /** The twins' writes ({@link #writes(TwinWrites)}), or null. */
    TwinWrites writes() {
        return writes;
    }

    /** The body of a twin's write ({@link #body(String, Function)}), else the contract's example. */
    String body(MatrixOperation op, Map<String, String> values) {
        Function<Map<String, String>, String> body = bodies.get(op.operationId());
        return body == null ? op.example() : body.apply(values);
    }
}
