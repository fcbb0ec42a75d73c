package io.rigledger.testsupport;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real resources a service's SecurityTest makes for its authorisation matrix, in two fresh
 * organisations: the caller's ({@link #callerOrg()}, org A, whose people make the calls) and another
 * ({@link #otherOrg()}, org B, whose ids they try). The test registers, for each path parameter of
 * the contract, the value of a resource of each organisation and a value that names nothing, under
 * the path up to the parameter ({@code /api/rigs/{id}}, {@code /api/sites/{site}/racks/{rack}}), so
 * operations that share a path share the values; a path parameter without values fails every cell of
 * its operations. Everything registered of org B (and its name) is what org A's lists must not show.
 * Three concerns are set in chains of their own: the listings' query parameters ({@link #queryParams()}), the
 * requests sent beside a cell's own ({@link #requests()}: org B's own body, Idempotency-Key, neighbour calls) and
 * the twins ({@link #twins()}).
 */
public final class MatrixFixture {

    /** The values of one path parameter: org A's resource, org B's, and one that does not exist. */
    public record Ids(String caller, String other, String missing) {

        /** The value of one side. */
        public String on(Side side) {
            return switch (side) {
                case CALLER -> caller;
                case OTHER -> other;
                case MISSING -> missing;
            };
        }
    }

    /** Which value of a path parameter a call uses. */
    public enum Side { CALLER, OTHER, MISSING }

    private final String callerOrg = "matrix-a-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherOrg = "matrix-b-" + UUID.randomUUID().toString().substring(0, 8);
    private final String emptyOrg = "matrix-c-" + UUID.randomUUID().toString().substring(0, 8);
    private final MatrixPaths paths = new MatrixPaths();
    private final Map<String, String> queries = new HashMap<>();
    private final Map<String, String> fieldQueries = new HashMap<>();
    private final Map<String, Supplier<String>> bodies = new HashMap<>();
    private final MatrixFieldValues fields = new MatrixFieldValues();
    private final Map<String, Set<String>> drawn = new HashMap<>();
    private final Set<String> serviceOrgFields = new LinkedHashSet<>();
    private final Map<String, String> serviceOrgOptional = new HashMap<>();
    private final MatrixMarkers markers = new MatrixMarkers(callerOrg, otherOrg);
    private final Map<String, String> unlisted = new HashMap<>();
    private final Map<String, String> upserts = new HashMap<>();
    private final MatrixQueryParams params = new MatrixQueryParams();
    private final MatrixRequestFixture requests = new MatrixRequestFixture(this::body);
    private final MatrixTwinFixture twins = new MatrixTwinFixture();
    private final MatrixKeptAnswers keptAnswers = new MatrixKeptAnswers();

    MatrixFixture() {
    }

    /** Org A: the people of the matrix's cells belong to it. */
    public String callerOrg() {
        return callerOrg;
    }

    /** Org B: the organisation whose real ids org A's people try. */
    public String otherOrg() {
        return otherOrg;
    }

    /** Org C: an organisation that holds nothing, whose every listing under every query must show no rows. */
    public String emptyOrg() {
        return emptyOrg;
    }

    /**
     * The fixture's listings' query parameters (the values a filter is tried with, the enum values under which org
     * A's answer shows its own data, why one is not tried or reads one page), set in its own chain:
     * {@code f.queryParams().filter("site", own, other).holds("status", "DEPLOYED")}.
     */
    public MatrixQueryParams queryParams() {
        return params;
    }

    /**
     * The values of an org-scoped path parameter.
     *
     * @param key     the path up to and including the parameter, e.g. /api/purchase-orders/{id}
     * @param caller  a resource of org A
     * @param other   a resource of org B (also a marker org A's lists must not show)
     * @param missing a well-formed value that names no resource of either
     */
    public MatrixFixture ids(String key, String caller, String other, String missing) {
        paths.put(key, new Ids(caller, other, missing));
        mark(other);
        ownMark(caller);
        return this;
    }

    /**
     * More values of some of a read's path parameters (by key, as in {@link #ids}), tried by its
     * {@link SecurityMatrix.Kind#FOREIGN_ID} cells after the fixture's own: org A's and org B's people
     * read their own there, and org A's person at org B's values gets 404 exactly like at the missing
     * ones. For a resource that only some of an organisation's data has, such as version 2 of a corrected
     * entry (fresh review R-11e D4: a version read by entry id alone showed only past version 1).
     */
    public MatrixFixture alsoAt(String operationId, Map<String, Ids> values) {
        paths.addAlso(operationId, values);
        return this;
    }

    /** The further values the fixture gives the operation's path parameters ({@link #alsoAt}), each a map by key. */
    List<Map<String, Ids>> alsoAt(MatrixOperation op) {
        return paths.alsoAt(op);
    }

    /** The value of a path parameter of shared reference data (a plant, a duty rate) and one that names nothing. */
    public MatrixFixture shared(String key, String value, String missing) {
        paths.put(key, new Ids(value, value, missing));
        return this;
    }

    /** Query string sent with every call of the operation (its required query parameters), without '?'. */
    public MatrixFixture query(String operationId, String query) {
        queries.put(operationId, query);
        return this;
    }

    /**
     * Query parameters sent with both requests of the cells trying org B's value in one query field, without '?':
     * what the field needs beside it to be looked up (a rack code needs its site), so that the request with a
     * made-up value reaches the lookup (fresh review R-11g D2).
     *
     * @param field {@code operationId:name}, e.g. {@code listRigs:rack}
     */
    public MatrixFixture fieldQuery(String field, String query) {
        fieldQueries.put(field, query);
        return this;
    }

    /**
     * The requests the fixture's cells send beside their own: org B's own body of an operation, why org B's request
     * stores no Idempotency-Key, org A's request its handler refuses, the service's calls to its neighbours; set in
     * its own chain: {@code f.requests().otherBody("createEntry", ...).keyNotStored("liquidateEntry", reason)}.
     */
    public MatrixRequestFixture requests() {
        return requests;
    }

    /** Whether the field's values are made afresh for each try ({@link #field(String, Supplier)}). */
    boolean isFresh(MatrixOperation op, IdFields.IdField field) {
        return fields.isFresh(op, field);
    }

    /** The query {@link #fieldQuery} gives the field's cells, or null. */
    String fieldQuery(MatrixOperation op, IdFields.IdField field) {
        return fieldQueries.get(op.operationId() + ":" + field.name());
    }

    /** The body the operation is sent with instead of the contract's example (org A's otherwise-valid request). */
    public MatrixFixture body(String operationId, String json) {
        return body(operationId, () -> json);
    }

    /**
     * A body made afresh for each call (new serial numbers, say), so the same request can be sent
     * twice and be answered alike.
     */
    public MatrixFixture body(String operationId, Supplier<String> json) {
        bodies.put(operationId, json);
        return this;
    }

    /**
     * The values of a request field that can carry an id (a body property, query parameter or
     * header; see contracts/platform.yaml, x-rigledger-tenancy): org B's real value (also a marker
     * org A's answers must not show) and a value of the same shape that names nothing.
     *
     * @param name the field's last name ({@code purchaseOrderId}, {@code site}, {@code X-On-Behalf-Of-Org}),
     *             or {@code operationId:name} for one operation only (its full name, e.g.
     *             {@code deployRigs:placements[].position.site})
     */
    public MatrixFixture field(String name, String other, String missing) {
        fields.put(name, new Ids(null, other, missing));
        mark(other);
        return this;
    }

    /**
     * The values of a natural key an organisation's data holds once (a serial number, a MAC, an entry
     * number: the service answers 409 for one the caller's organisation already holds), made afresh for
     * each cell by {@code fresh}: org B's real value, stored in org B by the supplier just before the cell
     * (org A's write then holds it too, so the next cell needs another), and a new value of the same shape
     * that names nothing. Org A's creation with org B's value must be answered exactly like one with the
     * made-up value (fresh review R-11f D3: uniqueness checked across organisations, a 409 naming org B's row).
     *
     * @param name as in {@link #field(String, String, String)}
     */
    public MatrixFixture field(String name, Supplier<Ids> fresh) {
        fields.putFresh(name, fresh);
        return this;
    }

    /**
     * Properties of the operation's answer that each of org A's writes draws afresh from org A's own state
     * (an order's version, a rig's place on its order line), with the reason: when org A's write with org B's
     * value in a field and the same write with a made-up value both succeed, the two answers are compared with
     * these masked (see {@link #field(String, Supplier)}).
     */
    public MatrixFixture drawn(String operationId, String reason, String... properties) {
        drawn.put(operationId, Set.of(properties));
        return this;
    }

    /** The answer properties the fixture names as drawn afresh by each write of the operation ({@link #drawn}). */
    Set<String> drawn(MatrixOperation op) {
        return drawn.getOrDefault(op.operationId(), Set.of());
    }

    /**
     * The matrix's twins: the writes that make each one's data and the bodies of their own writes, set in its own
     * chain: {@code f.twins().writes(SecurityTest::twinFleet).body("transitionRig", values -> ...)}.
     */
    public MatrixTwinFixture twins() {
        return twins;
    }

    /** The value of a path parameter of shared reference data ({@link #shared}), or null. */
    String sharedId(String key) {
        return paths.shared(key);
    }

    /**
     * A field in which a service account names the organisation it acts for ({@code X-On-Behalf-Of-Org},
     * a batch's {@code organisation}): its cells send org A's name there.
     */
    public MatrixFixture serviceOrg(String name) {
        serviceOrgFields.add(name);
        return this;
    }

    /** Text of org B's data (serials, entry numbers, ids that are no path parameter) org A's lists must not show. */
    public MatrixFixture mark(String... otherOrgText) {
        markers.addOther(otherOrgText);
        return this;
    }

    /**
     * Text of org A's data (serials, entry numbers) an allowed read of org A's must show one of, so
     * that an empty or another organisation's answer fails; org A's name and its path ids are marked already.
     */
    public MatrixFixture ownMark(String... callerOrgText) {
        markers.addOwn(callerOrgText);
        return this;
    }

    /**
     * An org-scoped listing that does not show org B's fixture data to org B either (so only the
     * "none of another organisation's" half of its cell can be checked), with the reason.
     */
    public MatrixFixture unlisted(String operationId, String reason) {
        unlisted.put(operationId, reason);
        return this;
    }

    /**
     * A PUT that creates the caller's own resource under the name in its path (a site code is each
     * organisation's own name for its site), with the reason: another organisation's name creates
     * the caller's resource, so its cell checks, with a third organisation as the caller, that the
     * answer is 2xx and org B's resource is unchanged.
     */
    public MatrixFixture upsert(String operationId, String reason) {
        upserts.put(operationId, reason);
        return this;
    }

    /**
     * The concrete path of the operation with each parameter's value of one side, plus its query.
     *
     * @throws AssertionError naming the parameter when the fixture gives it no value
     */
    String path(MatrixOperation op, Side side) {
        return path(op, side, Map.of());
    }

    /** {@link #path(MatrixOperation, Side)} with some path parameters' values (by key) taken from {@code overrides}. */
    String path(MatrixOperation op, Side side, Map<String, Ids> overrides) {
        return paths.path(op, side, overrides, queries.get(op.operationId()));
    }

    /**
     * Other values of a path parameter for one operation only, e.g. a correction of an entry still inside its
     * correction deadline where the fixture's entry is past it, so that the operation's requests reach the
     * lookup of its fields (fresh review R-11g D2).
     *
     * @param key as in {@link #ids}, e.g. {@code /api/entries/{id}}
     */
    public MatrixFixture pathFor(String operationId, String key, Ids values) {
        paths.putFor(operationId, key, values);
        return this;
    }

    /** The values of the operation's parameters on one side that differ from the missing ones. */
    Map<String, String> distinctIds(MatrixOperation op, Side side) {
        return distinctIds(op, side, Map.of());
    }

    /** {@link #distinctIds(MatrixOperation, Side)} with some values (by key) taken from {@code overrides}. */
    Map<String, String> distinctIds(MatrixOperation op, Side side, Map<String, Ids> overrides) {
        return paths.distinctIds(op, side, overrides);
    }

    String body(MatrixOperation op) {
        Supplier<String> body = bodies.get(op.operationId());
        return body == null ? op.example() : body.get();
    }

    /** Org B's and a missing value of an id field of the operation, or null when the fixture gives none. */
    Ids field(MatrixOperation op, IdFields.IdField field) {
        if (fields.isFresh(op, field)) {
            // its supplier stores org B's value in org B's data (a rig of org B's): org B's reads change
            keptAnswers.forget();
        }
        return fields.of(op, field);
    }

    /** Org B's answers kept across cells ({@link MatrixCalls#snapshot}), until a write that may change org B's data. */
    MatrixKeptAnswers keptAnswers() {
        return keptAnswers;
    }

    /**
     * An operation a service account may call without naming an organisation (the contract says
     * what it then does, e.g. a duty quote readable by its creator alone), with the reason: its
     * cell checks only that the answer is one the contract lists, not a 5xx, and shows nothing of org B's.
     */
    public MatrixFixture serviceOrgOptional(String operationId, String reason) {
        serviceOrgOptional.put(operationId, reason);
        return this;
    }

    boolean serviceOrgOptional(MatrixOperation op) {
        return serviceOrgOptional.containsKey(op.operationId());
    }

    Set<String> serviceOrgFields() {
        return serviceOrgFields;
    }

    /** The value of a path parameter (its key, as in {@link #ids}) on one side, or null when not registered. */
    String id(String key, Side side) {
        return paths.id(key, side);
    }

    /**
     * Org B's data org A's lists must not show: what {@link #mark}, {@link #ids} and {@link #field}
     * registered, less the values org A's own accepted writes stored ({@link #adopt}).
     */
    Set<String> otherMarkers() {
        return markers.other();
    }

    /**
     * A value of org B's that org A's own write, answered 2xx exactly as for a value naming nothing,
     * stored in org A's data (a body field the service cannot check, e.g. a purchase order id in a
     * customs entry): org A's reads after it may show it as org A's own text.
     */
    void adopt(String value) {
        markers.adopt(value);
    }

    /** Org A's data: its name, the org A values of the path parameters and what {@link #ownMark} added. */
    Set<String> ownMarkers() {
        return markers.own();
    }

    /** The query the fixture sends with every call of the operation, or null. */
    String query(MatrixOperation op) {
        return queries.get(op.operationId());
    }

    boolean isUpsert(MatrixOperation op) {
        return upserts.containsKey(op.operationId());
    }

    String unlistedReason(String operationId) {
        return unlisted.get(operationId);
    }
}
