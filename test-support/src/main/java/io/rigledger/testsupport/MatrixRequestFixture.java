package io.rigledger.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link MatrixFixture} says of the requests sent beside a cell's own ({@link MatrixFixture#requests()}), read
 * by the {@link SecurityMatrix.Kind#IDEMPOTENCY_KEY} and {@link SecurityMatrix.Kind#FOREIGN_FIELD} cells (see
 * MatrixFieldCalls): org B's own request of an operation ({@link #otherBody}; first in both), why org B's request
 * cannot store its Idempotency-Key ({@link #keyNotStored}), a request of org A's its handler refuses
 * ({@link #refused}), and the calls the service makes to its neighbours ({@link #neighbourCalls}).
 */
public final class MatrixRequestFixture {

    /** A request body the service refuses in its handler, and the field its refusal names ({@link #refused}). */
    record Refused(String field, Supplier<String> body) {
    }

    private final Function<MatrixOperation, String> ownBody;
    private final Map<String, Supplier<String>> otherBodies = new HashMap<>();
    private final Map<String, String> keyNotStored = new HashMap<>();
    private final Map<String, Refused> refusedBodies = new HashMap<>();
    private final Set<String> warmed = ConcurrentHashMap.newKeySet();
    private Supplier<List<String>> neighbourCalls;

    /** @param ownBody org A's body of an operation (the fixture's, else the contract's example) */
    MatrixRequestFixture(Function<MatrixOperation, String> ownBody) {
        this.ownBody = ownBody;
    }

    /**
     * The body org B's caller sends for its own request of the operation, where org A's ({@link MatrixFixture#body})
     * names org A's resources: in the operation's Idempotency-Key cell (fresh review R-11g D5; org A then sends the
     * same body with the same key), and with org B's value in the field first in each id-field cell (s19 review R-11i P2).
     */
    public MatrixRequestFixture otherBody(String operationId, Supplier<String> json) {
        otherBodies.put(operationId, json);
        return this;
    }

    /**
     * An operation taking an Idempotency-Key whose request org B cannot make succeed in the fixture (its order is
     * confirmed, its entry paid), with the reason: a request that failed stores no key, so its Idempotency-Key cell
     * checks only that org A's answer with org B's key is no replay; without a reason such a failure fails the cell.
     */
    public MatrixRequestFixture keyNotStored(String operationId, String reason) {
        keyNotStored.put(operationId, reason);
        return this;
    }

    /**
     * A body of org A's for an operation taking an Idempotency-Key that the service refuses in its handler, past
     * the reading of the key (a line's sku the catalogue lacks, a line the order does not have), and the field its
     * 4xx names: its Idempotency-Key cell sends it first with org B's key, and org A's answer must be that refusal,
     * not org B's answer replayed nor a 422 about the key (s19 review R-11i Pk: a write reading the key only after its
     * work refused the request read it without the organisation). Needed for a creation (no path parameter) whose
     * request in that cell is org A's own (no {@link #otherBody}), which the service accepts; tried for any other
     * operation it is given for.
     *
     * @param field the field the refusal names, e.g. {@code lines[0].sku}
     */
    public MatrixRequestFixture refused(String operationId, String field, Supplier<String> json) {
        refusedBodies.put(operationId, new Refused(field, json));
        return this;
    }

    /**
     * The requests the service has made to its neighbours so far (the fakes' request logs), each as text naming
     * what was asked and for which organisation (method, path, X-On-Behalf-Of-Org; no value sent): an id-field cell
     * checks that org A's request with org B's value makes the same calls as with a value naming nothing, so that
     * another organisation's data which changes only what the service asks its neighbours shows (s19 review R-11i
     * P6: org B's receipt of a serial number made org A's shipment of it ask the fleet). Give only requests that
     * requests cause, not background work.
     */
    public MatrixRequestFixture neighbourCalls(Supplier<List<String>> calls) {
        this.neighbourCalls = calls;
        return this;
    }

    /** Whether the fixture gives org B a body of its own for the operation ({@link #otherBody}). */
    boolean hasOtherBody(MatrixOperation op) {
        return otherBodies.containsKey(op.operationId());
    }

    /** {@link #otherBody}, else org A's body of the operation ({@link MatrixFixture#body}, else the contract's example). */
    String otherBody(MatrixOperation op) {
        Supplier<String> body = otherBodies.get(op.operationId());
        return body == null ? ownBody.apply(op) : body.get();
    }

    /** Why org B's request of the operation stores no key ({@link #keyNotStored}), or null. */
    String keyNotStoredReason(MatrixOperation op) {
        return keyNotStored.get(op.operationId());
    }

    /** The fixture's refused body of the operation ({@link #refused}), or null. */
    Refused refused(MatrixOperation op) {
        return refusedBodies.get(op.operationId());
    }

    /** The neighbour calls so far ({@link #neighbourCalls}), or null when the fixture gives none. */
    List<String> neighbourCalls() {
        return neighbourCalls == null ? null : neighbourCalls.get();
    }

    /** True the first time it is asked for the operation's field: org B's own request with its value is made once. */
    boolean firstWarmUp(MatrixOperation op, IdFields.IdField field) {
        return warmed.add(op.operationId() + ":" + field.name());
    }
}
