package io.rigledger.testsupport;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The real resources a service's SecurityTest makes for its authorisation matrix, in two fresh
 * organisations: the caller's ({@link #callerOrg()}, org A, whose people make the calls) and another
 * ({@link #otherOrg()}, org B, whose ids they try). The test registers, for each path parameter of
 * the contract, the value of a resource of each organisation and a value that names nothing, under
 * the path up to the parameter ({@code /api/rigs/{id}}, {@code /api/sites/{site}/racks/{rack}}), so
 * operations that share a path share the values; a path parameter without values fails every cell of
 * its operations. Everything registered of org B (and its name) is what org A's lists must not show.
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
    private final Map<String, Supplier<String>> otherBodies = new HashMap<>();
    private final Map<String, String> keyNotStored = new HashMap<>();
    private final Map<String, Refused> refusedBodies = new HashMap<>();
    private final Set<String> warmed = ConcurrentHashMap.newKeySet();
    private Supplier<List<String>> neighbourCalls;
    private final Map<String, Supplier<String>> bodies = new HashMap<>();
    private final MatrixFieldValues fields = new MatrixFieldValues();
    private final Map<String, Set<String>> drawn = new HashMap<>();
    private TwinWrites twinWrites;
    private final Map<String, Function<Map<String, String>, String>> twinBodies = new HashMap<>();
    private final Set<String> serviceOrgFields = new LinkedHashSet<>();
    private final Map<String, String> serviceOrgOptional = new HashMap<>();
    private final MatrixMarkers markers = new MatrixMarkers(callerOrg, otherOrg);
    private final Map<String, String> unlisted = new HashMap<>();
    private final Map<String, String> upserts = new HashMap<>();
    private final MatrixQueryParams params = new MatrixQueryParams();
    private final Map<String, List<Response>> keptAnswers = new ConcurrentHashMap<>();

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
     * The values a listing's query parameter that is no enum (a site, a model, a serial, a date) is
     * tried with, one page-1 read of org A's each (see {@link SecurityMatrix.Kind#FOREIGN_QUERY}): the
     * first is a value org A's fixture rows match (its answer must show one of them), the others
     * need not match org A's. Give the codes both organisations use (org A's site's code, which org B
     * also gives a site) so that a read by code that forgets the organisation shows org B's rows.
     * A value is sent as it is after {@code name=} (no encoding), so it may carry parameters it
     * needs after a {@code &} ({@code R1&site=DAL1}).
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixFixture filter(String name, String ownValue, String... otherValues) {
        List<String> values = new ArrayList<>();
        values.add(ownValue);
        values.addAll(List.of(otherValues));
        params.filters.put(name, values);
        return this;
    }

    /**
     * The values of a listing's enum query parameter (a status, a groupBy) under which org A's answer
     * shows its own fixture data (its ids, serials, codes); under the others it must only show none of org B's.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixFixture holds(String name, String... values) {
        params.holds.put(name, Set.of(values));
        return this;
    }

    /**
     * An enum query parameter under every value of which org A's answer shows its own fixture data
     * (a sort: every order shows the same rows). Its values are read in rotation: each by one of the roles whose
     * cells read the listing under each query, so each is read once (see MatrixQueryCalls).
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixFixture holdsEvery(String name) {
        params.holds.put(name, Set.of(MatrixQueryParams.EVERY));
        return this;
    }

    /**
     * A listing's query parameter that is no enum and is not tried with values, with the reason (an
     * id field, tried with org B's value by its own cells, needs none); any other such parameter without
     * {@link #filter values} fails its cell, so a new filter cannot escape.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixFixture unfiltered(String name, String reason) {
        params.unfiltered.put(name, reason);
        return this;
    }

    /**
     * A query parameter of a keyset-paged listing under which org A holds at most one row whatever
     * its value (a serial number or a MAC names one rig), with the reason. Under any other, org A
     * must hold two rows under some value, so that its cell reads page 2 (see MatrixQueryCalls) and a
     * query forgetting the organisation once a cursor is given under that filter shows itself (fresh
     * review R-11c D3); a fixture holding too few rows fails that cell.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixFixture onePage(String name, String reason) {
        params.onePage.put(name, reason);
        return this;
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
     * The body org B's caller sends for its own request of the operation, where org A's ({@link #body}) names org
     * A's resources: in the operation's Idempotency-Key cell (fresh review R-11g D5; org A then sends the same body
     * with the same key), and with org B's value in the field first in each id-field cell (s19 review R-11i P2).
     */
    public MatrixFixture otherBody(String operationId, Supplier<String> json) {
        otherBodies.put(operationId, json);
        return this;
    }

    /** Whether the fixture gives org B a body of its own for the operation ({@link #otherBody}). */
    boolean hasOtherBody(MatrixOperation op) {
        return otherBodies.containsKey(op.operationId());
    }

    /** {@link #otherBody}, else {@link #body(MatrixOperation)}. */
    String otherBody(MatrixOperation op) {
        Supplier<String> body = otherBodies.get(op.operationId());
        return body == null ? body(op) : body.get();
    }

    /**
     * An operation taking an Idempotency-Key whose request org B cannot make succeed in the fixture (its order is
     * confirmed, its entry paid), with the reason: a request that failed stores no key, so its Idempotency-Key cell
     * checks only that org A's answer with org B's key is no replay; without a reason such a failure fails the cell.
     */
    public MatrixFixture keyNotStored(String operationId, String reason) {
        keyNotStored.put(operationId, reason);
        return this;
    }

    String keyNotStoredReason(MatrixOperation op) {
        return keyNotStored.get(op.operationId());
    }

    /** A request body the service refuses in its handler, and the field its refusal names ({@link #refused}). */
    record Refused(String field, Supplier<String> body) {
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
    public MatrixFixture refused(String operationId, String field, Supplier<String> json) {
        refusedBodies.put(operationId, new Refused(field, json));
        return this;
    }

    /** The fixture's refused body of the operation ({@link #refused}), or null. */
    Refused refused(MatrixOperation op) {
        return refusedBodies.get(op.operationId());
    }

    /**
     * The requests the service has made to its neighbours so far (the fakes' request logs), each as text naming
     * what was asked and for which organisation (method, path, X-On-Behalf-Of-Org; no value sent): an id-field cell
     * checks that org A's request with org B's value makes the same calls as with a value naming nothing, so that
     * another organisation's data which changes only what the service asks its neighbours shows (s19 review R-11i
     * P6: org B's receipt of a serial number made org A's shipment of it ask the fleet). Give only requests that
     * requests cause, not background work.
     */
    public MatrixFixture neighbourCalls(Supplier<List<String>> calls) {
        this.neighbourCalls = calls;
        return this;
    }

    /** The neighbour calls so far ({@link #neighbourCalls}), or null when the fixture gives none. */
    List<String> neighbourCalls() {
        return neighbourCalls == null ? null : neighbourCalls.get();
    }

    /** True the first time it is asked for the operation's field: org B's own request with its value is made once. */
    boolean firstWarmUp(MatrixOperation op, IdFields.IdField field) {
        return warmed.add(op.operationId() + ":" + field.name());
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
     * The writes of one of the matrix's twins (fresh reviews R-11f D1, R-11h D3): given a fresh organisation, make
     * in it through the API the same writes as for any other twin (so its versions and counts end where the
     * others' do) and answer the values they stored by name (each path parameter's value of its own resources
     * under the path's key, as in {@link #ids}, e.g. {@code /api/sites/{site}}).
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

    /**
     * The writes of the matrix's twins: every org-scoped read and every org-scoped write at a path must then answer
     * the twins alike once each one's values are masked (see {@link MatrixTwinCalls}).
     */
    public MatrixFixture twins(TwinWrites writes) {
        twinWrites = writes;
        return this;
    }

    /** The twins' writes ({@link #twins}), or null. */
    TwinWrites twinWrites() {
        return twinWrites;
    }

    /**
     * The body a twin sends in the operation's twin cell, made from its values ({@link TwinWrites}), where the
     * fixture's body names org A's resources (a rig's new position at org A's site); else the contract's example.
     */
    public MatrixFixture twinBody(String operationId, Function<Map<String, String>, String> json) {
        twinBodies.put(operationId, json);
        return this;
    }

    /** The body of a twin's write ({@link #twinBody}), else the contract's example. */
    String twinBody(MatrixOperation op, Map<String, String> values) {
        Function<Map<String, String>, String> body = twinBodies.get(op.operationId());
        return body == null ? op.example() : body.apply(values);
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
            forgetAnswers();
        }
        return fields.of(op, field);
    }

    /**
     * Org B's answers to a set of reads kept by a cell ({@link MatrixCalls#snapshot}), by the role and reads, until
     * a write that may change org B's data ({@link #forgetAnswers}), or null.
     */
    List<Response> keptAnswers(String key) {
        return keptAnswers.get(key);
    }

    void keepAnswers(String key, List<Response> answers) {
        keptAnswers.put(key, answers);
    }

    /**
     * Forgets every kept answer of org B's: called for each write sent by a caller that is not org A's person (org
     * B's, an admin's, the service account's, another organisation's) and each fresh value stored in org B's data.
     */
    void forgetAnswers() {
        keptAnswers.clear();
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

    /** The fixture's values of a query parameter of the operation (the first org A's), or null. */
    List<String> filterValues(MatrixOperation op, String name) {
        return MatrixQueryParams.of(params.filters, op, name);
    }

    /** Whether the values of an enum query parameter of the operation are read in rotation by the roles ({@link #holdsEvery}). */
    boolean inRotation(MatrixOperation op, String name) {
        Set<String> values = MatrixQueryParams.of(params.holds, op, name);
        return values != null && values.contains(MatrixQueryParams.EVERY);
    }

    /** The enum values of a query parameter of the operation under which org A's answer shows its own data. */
    Set<String> holds(MatrixOperation op, String name) {
        return params.holds(op, name);
    }

    /** Why a query parameter of the operation is tried with no values, or null. */
    String unfilteredReason(MatrixOperation op, String name) {
        return MatrixQueryParams.of(params.unfiltered, op, name);
    }

    /** Why org A holds at most one row under any value of a paged listing's query parameter, or null. */
    String onePageReason(MatrixOperation op, String name) {
        return MatrixQueryParams.of(params.onePage, op, name);
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
