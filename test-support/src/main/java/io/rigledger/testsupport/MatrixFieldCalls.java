package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixCalls.Request;
import io.rigledger.testsupport.MatrixFixture.Ids;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix's cells beyond the path: another organisation's id or name in a body property, query
 * parameter or header; reference data answering every organisation alike; a service account acting
 * for one organisation with another's ids.
 */
final class MatrixFieldCalls {

    private final MatrixCalls calls;
    private final MatrixFixture fixture;

    MatrixFieldCalls(MatrixCalls calls, MatrixFixture fixture) {
        this.calls = calls;
        this.fixture = fixture;
    }

    /**
     * Org A's caller sends org A's otherwise-valid request with org B's real value in one id field:
     * the answer is exactly the answer to a value of the same shape that names nothing (status, and
     * the body with each value in its place, the instance aside; a write answered 2xx both times
     * shows none of org B's data and answers alike once what each sent and what the service draws afresh
     * are masked, {@link MatrixBodies#sameOnceMasked}: org B's serial number registers org A's rig as a
     * made-up one does, fresh review R-11f D3), the service asks its neighbours the same for both
     * ({@link MatrixRequestFixture#neighbourCalls}, s19 review R-11i P6), and every read of org B's answers byte for byte as before.
     * Before the first such cell of an operation and field, org B's person of the cell's role makes the same request
     * with org B's value at org B's path (its {@link MatrixRequestFixture#otherBody}, else org A's body), so that anything the
     * service remembers by the value without the organisation (a cache of an order's lines keyed by the order id) is
     * warm when org A sends it (s19 review R-11i P2); a value made afresh for each cell was stored by org B just before
     * (org B's own use of it), and a field naming the organisation is the organisation itself, so neither is sent again.
     * A write taking If-Match sends the second request org A's ETag after the first.
     * A field in an array (a batch's {@code placements[].rig}, {@code quoteIds}) is tried at the first, the middle and
     * the last index, in a fixture body giving each array on its way three items or more (else the cell fails
     * saying so), so a batch checking the organisation of its first item only (fresh review R-11g D1), or of its first
     * and last only (R-11i P3), fails.
     * The request with the made-up value must reach the lookup of that field: answered 2xx, 404 naming the field
     * or the value, another 4xx naming the value, or for a field naming the organisation ({@link MatrixFixture#serviceOrg})
     * a 403 other than the roles' (any answer of the handler for a header, read with the token before it); a 400 about another field (both requests refused before the id is read) fails the
     * cell, saying the fixture's body is wrong (fresh review R-11g D2). A query field is sent with what the fixture's
     * {@link MatrixFixture#fieldQuery} says it needs.
     *
     * @param ownReads   the GETs of the operation's path and those above it (for org A's and org B's current ETag)
     * @param otherReads the reads of org B's fixture resources and listings
     */
    void foreignField(Cell cell, List<MatrixOperation> ownReads, List<MatrixOperation> otherReads) {
        MatrixOperation op = cell.operation();
        IdFields.IdField field = cell.field();
        boolean fresh = fixture.isFresh(op, field);
        Ids values = fixture.field(op, field);
        if (values == null) {
            throw new AssertionError(op + ": the SecurityTest's fixture gives no value of org B for the " + field
                    + " (MatrixFixture.field), nor does the contract exempt it (x-rigledger-foreign-exempt with the reason)");
        }
        boolean inArray = field.place() == IdFields.Place.BODY && MatrixBodyEdits.inArray(field);
        if (inArray) {
            String few = MatrixBodyEdits.fewerThanThree(fixture.body(op), field);
            if (few != null) {
                throw new AssertionError(cell + ": org B's value is tried at the first, the middle and the last index of each"
                        + " array on the field's way, but the fixture's body of org A (MatrixFixture.body, else the contract's"
                        + " example) gives " + few + ": give it three or more of org A's own (fresh reviews R-11g D1, R-11i P3)");
            }
        }
        String warmUp = "";
        if (!fresh && !fixture.serviceOrgFields().contains(field.name()) && fixture.requests().firstWarmUp(op, field)) {
            warmUp = " (after org B's own request with it answered " + warmUp(cell, ownReads, values).statusCode() + ")";
        }
        // a value made afresh (org B's new serial number) is made for each try before org B's data is read
        List<Ids> more = inArray ? List.of(fresh ? fixture.field(op, field) : values, fresh ? fixture.field(op, field) : values)
                : List.of();
        List<Response> before = op.isRead() ? List.of() : calls.snapshot(cell.role(), otherReads, cell.toString());
        tried(cell, ownReads, values, MatrixBodyEdits.At.FIRST, warmUp);
        if (inArray) {
            tried(cell, ownReads, more.get(0), MatrixBodyEdits.At.MIDDLE, warmUp);
            tried(cell, ownReads, more.get(1), MatrixBodyEdits.At.LAST, warmUp);
        }
        if (!op.isRead()) {
            calls.unchanged(cell.role(), otherReads, before, cell.toString());
        }
    }

    /**
     * Org B's person of the cell's role sends the operation at org B's path with org B's value in the field (org B's
     * body, {@link MatrixRequestFixture#otherBody}, else org A's; org B's ETag where it takes If-Match), whatever it answers.
     */
    private Response warmUp(Cell cell, List<MatrixOperation> ownReads, Ids values) {
        MatrixOperation op = cell.operation();
        Request own = new Request(op, fixture.path(op, Side.OTHER), SecurityMatrix.memberOf(cell.role(), fixture.otherOrg())).json(
                fixture.requests().otherBody(op)).header("If-Match", op.ifMatch() ? calls.etag(cell, ownReads, Side.OTHER) : null);
        return calls.send(withFieldQuery(cell, own).with(cell.field(), values.other()));
    }

    /**
     * One try of {@link #foreignField}: org B's value and the made-up one, each in the element {@code at} names; the
     * service's calls to its neighbours for each compared where the fixture gives them.
     */
    private void tried(Cell cell, List<MatrixOperation> ownReads, Ids values, MatrixBodyEdits.At at, String warmUp) {
        MatrixOperation op = cell.operation();
        IdFields.IdField field = cell.field();
        String what = cell + (at == MatrixBodyEdits.At.FIRST ? "" : " (at the " + at.name().toLowerCase(java.util.Locale.ROOT)
                + " index)") + warmUp;
        String etag = op.ifMatch() ? calls.ownEtag(cell, ownReads) : null;
        Request missingCall = request(cell, etag).with(field, values.missing(), at);
        List<String> calledBefore = fixture.requests().neighbourCalls();
        Response missing = calls.send(missingCall);
        List<String> calledMissing = fixture.requests().neighbourCalls();
        reachedTheLookup(what, field, values.missing(), missing);
        // a creation under If-Match (a shipment of an order) moved org A's version on: the second is sent the new one
        Request foreignCall = request(cell, op.ifMatch() && missing.statusCode() < 300 ? calls.ownEtag(cell, ownReads) : etag)
                .with(field, values.other(), at);
        List<String> calledBetween = fixture.requests().neighbourCalls();
        Response foreign = calls.send(foreignCall);
        List<String> calledForeign = fixture.requests().neighbourCalls();
        assertEquals(missing.statusCode(), foreign.statusCode(), what + ": org B's " + values.other() + " answered "
                + foreign.asString() + " but a value naming nothing answered " + missing.asString());
        if (calledBefore != null) {
            assertEquals(since(calledBefore, calledMissing), since(calledBetween, calledForeign), what + ": org A's request"
                    + " with org B's " + values.other() + " asked the service's neighbours otherwise than with a value naming"
                    + " nothing (org B's data changed what the service asked for org A)");
        }
        if (op.isRead() || isProblem(foreign)) {
            MatrixBodies.answeredLikeMissing(missing, Map.of(field.name(), values.missing()), foreign, Map.of(field.name(), values.other()),
                    what + ": org B's value must be answered exactly like one naming nothing");
            return;
        }
        String text = MatrixBodies.searched(foreign);
        fixture.otherMarkers().stream().filter(m -> !m.equals(values.other()) && !m.equals(fixture.otherOrg()))
                .forEach(m -> assertTrue(!text.contains(m), what + ": the answer shows org B's " + m + ": " + text));
        if (foreign.statusCode() < 300 && missingCall.json() != null) {
            // a creation: org B's value (a serial number org B holds) creates org A's own as a made-up one does
            List<Map<String, String>> sent = MatrixBodies.differences(missingCall.json(), foreignCall.json());
            MatrixBodies.sameOnceMasked(missing, sent.get(0), foreign, sent.get(1), fixture.drawn(op),
                    what + ": org B's value must be answered exactly like one naming nothing (drawn ids aside)");
        }
        if (foreign.statusCode() < 300 && field.place() == IdFields.Place.BODY && !values.other().equals(fixture.otherOrg())) {
            // org A's write stored the value as its own text (an entry naming an order id tariff cannot check)
            fixture.adopt(values.other());
        }
    }

    /** The calls in {@code after} that {@code before} does not hold (each as often as it is new), sorted. */
    private static List<String> since(List<String> before, List<String> after) {
        List<String> made = new java.util.ArrayList<>(after);
        before.forEach(made::remove);
        made.sort(null);
        return made;
    }

    /**
     * Asserts org A's request with a made-up value in the field reached the lookup of that field (fresh review
     * R-11g D2: a what-if sent an inline quote and quoteIds, so both requests got the same 400 before the id was
     * read and the cell proved nothing): 2xx, a 404 naming the field or the value, or another 4xx naming the value
     * (a serial number not on this shipment), or a 403 for a field naming the organisation (the check of that field).
     *
     * @throws AssertionError saying the fixture's body is wrong, with the answer
     */
    private void reachedTheLookup(String what, IdFields.IdField field, String made, Response missing) {
        int status = missing.statusCode();
        String text = MatrixBodies.text(missing);
        if (status < 300 || text.contains(made) || status == 404 && text.contains(field.leaf())) {
            return;
        }
        if (fixture.serviceOrgFields().contains(field.name()) && (field.place() == IdFields.Place.HEADER
                || status == 403 && !text.contains(SecurityMatrix.ROLE_REFUSAL))) {
            // a field naming the organisation: a header is read with the bearer token, before the handler runs (a
            // person's is ignored), so any answer of the handler came after it; a person naming another organisation
            // in a body or query is refused by that very check
            return;
        }
        throw new AssertionError(what + ": the fixture's body is wrong for this cell: org A's request with the made-up "
                + made + " in " + field + " must reach the lookup of that field (2xx, a 404 naming it, a 4xx naming the value),"
                + " but answered " + status + " " + text + "; give the operation a body of org A's that is valid but for that"
                + " field (MatrixFixture.body), so org B's value is looked up too");
    }

    private Request request(Cell cell, String etag) {
        MatrixOperation op = cell.operation();
        return withFieldQuery(cell, calls.asCaller(op, cell.role(), fixture.body(op)).header("If-Match", etag));
    }

    /** The request with what the fixture's {@link MatrixFixture#fieldQuery} says the cell's field needs beside it. */
    private Request withFieldQuery(Cell cell, Request request) {
        String also = cell.field() == null ? null : fixture.fieldQuery(cell.operation(), cell.field());
        return also == null ? request : new Request(request.op(), request.path() + (request.path().contains("?") ? "&" : "?")
                + also, request.token(), request.json(), request.headers());
    }

    /**
     * Reference data shared by every organisation answers a caller of org A exactly as one of org B
     * (status and body, the instance aside), so an answer that depends on the organisation fails.
     * A write is made once, by org A's caller with a valid body (the fixture's, else the contract's
     * example; org A's current ETag when it takes If-Match), and must succeed; then every read of its
     * path and above answers a person of org A exactly as one of org B, so a write that only org A's
     * people can see (an operation mislabelled global) fails.
     *
     * @param reads the GETs of a write's path and those above it, nearest first (unused for a read)
     */
    void sameForEveryOrganisation(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        if (!op.isRead()) {
            String etag = op.ifMatch() ? calls.ownEtag(cell, reads) : null;
            Response wrote = calls.send(new Request(op, fixture.path(op, Side.CALLER),
                    SecurityMatrix.memberOf(cell.role(), fixture.callerOrg())).json(fixture.body(op)).header("If-Match", etag));
            assertTrue(wrote.statusCode() < 300, cell + ": org A's valid write of reference data answered "
                    + wrote.statusCode() + ": " + wrote.asString());
            for (MatrixOperation read : reads) {
                String reader = read.personRoles().get(0);
                Response a = calls.send(new Request(read, fixture.path(read, Side.CALLER),
                        SecurityMatrix.person(reader, fixture.callerOrg())));
                Response b = calls.send(new Request(read, fixture.path(read, Side.CALLER),
                        SecurityMatrix.person(reader, fixture.otherOrg())));
                assertEquals(200, a.statusCode(), cell + ": org A's " + read.operationId() + " after the write: " + a.asString());
                assertEquals(MatrixBodies.comparable(a, Map.of()), MatrixBodies.comparable(b, Map.of()), cell
                        + ": declared global, yet after org A's write its " + read.operationId() + " differs from org B's");
            }
            return;
        }
        String json = fixture.body(op);
        Response a = calls.send(new Request(op, fixture.path(op, Side.CALLER),
                SecurityMatrix.memberOf(cell.role(), fixture.callerOrg())).json(json));
        Response b = calls.send(new Request(op, fixture.path(op, Side.CALLER),
                SecurityMatrix.memberOf(cell.role(), fixture.otherOrg())).json(json));
        assertEquals(a.statusCode(), b.statusCode(), cell + ": org A got " + a.asString() + ", org B " + b.asString());
        assertEquals(MatrixBodies.comparable(a, Map.of()), MatrixBodies.comparable(b, Map.of()),
                cell + ": declared global, yet org A's and org B's answers differ");
    }

    /**
     * The service account acting for org A (its organisation in each of the fixture's service-org
     * fields): org B's real id in the path is answered 404 exactly like a missing id (body and headers), org B's
     * resource unchanged; without naming an organisation the answer is a 4xx problem+json the
     * contract lists, naming the field (unless the fixture says the operation works without one).
     */
    void serviceForOrganisation(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        List<IdFields.IdField> orgFields = op.idFields().stream()
                .filter(f -> fixture.serviceOrgFields().contains(f.name())).toList();
        if (orgFields.isEmpty()) {
            throw new AssertionError(op + ": the service account may call it, but none of its fields is one the fixture"
                    + " says a service account names its organisation in (MatrixFixture.serviceOrg) " + op.idFields());
        }
        String token = SecurityMatrix.memberOf("service", null);
        Request bare = new Request(op, fixture.path(op, Side.CALLER), token).json(fixture.body(op));
        for (IdFields.IdField f : orgFields) {
            bare = f.place() == IdFields.Place.BODY ? bare.json(MatrixBodyEdits.without(bare.json(), f.name())) : bare;
        }
        Response nobody = calls.send(bare);
        if (fixture.serviceOrgOptional(op)) {
            assertTrue(op.statuses().contains(nobody.statusCode()) && nobody.statusCode() < 500,
                    cell + ": naming no organisation answered " + nobody.asString());
            String text = MatrixBodies.searched(nobody);
            fixture.otherMarkers().forEach(m -> assertTrue(!text.contains(m), cell + ": naming no organisation shows org B's "
                    + m + ": " + text));
        } else {
            assertNamesTheField(cell, op, nobody, orgFields);
        }
        if (!op.takesAnId()) {
            return;
        }
        List<Response> before = calls.snapshot("finance", reads, cell.toString());
        Response foreign = calls.send(forA(op, token, Side.OTHER, orgFields));
        Response missing = calls.send(forA(op, token, Side.MISSING, orgFields));
        assertEquals(404, foreign.statusCode(), cell + ": org B's id answered " + foreign.asString());
        MatrixBodies.answeredLikeMissing(missing, fixture.distinctIds(op, Side.MISSING), foreign, fixture.distinctIds(op, Side.OTHER),
                cell + ": acting for org A, org B's id must be answered exactly like a missing one");
        if (!op.isRead()) {
            calls.unchanged("finance", reads, before, cell.toString());
        }
    }

    private static void assertNamesTheField(Cell cell, MatrixOperation op, Response nobody, List<IdFields.IdField> orgFields) {
        assertTrue(op.statuses().contains(nobody.statusCode()) && nobody.statusCode() >= 400 && nobody.statusCode() < 500,
                cell + ": naming no organisation answered " + nobody.asString());
        assertEquals("application/problem+json", nobody.contentType(), cell.toString());
        String said = nobody.asString();
        assertTrue(orgFields.stream().anyMatch(f -> said.contains(f.leaf())),
                cell + ": naming no organisation must say which field is missing " + orgFields + ": " + said);
    }

    private Request forA(MatrixOperation op, String token, Side side, List<IdFields.IdField> orgFields) {
        Request request = new Request(op, fixture.path(op, side), token).json(fixture.body(op));
        for (IdFields.IdField f : orgFields) {
            request = request.with(f, fixture.callerOrg());
        }
        return request;
    }

    /** The request header naming a write's idempotency key (contracts/platform.yaml, IdempotencyKey). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern UUIDS =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Org B's caller sends its request (org B's path and ETag, the fixture's {@link MatrixRequestFixture#otherBody}) with a
     * fresh Idempotency-Key, then org A's caller the same body with the same key at org A's path: org A's answer is
     * its own, not org B's replay (no Idempotent-Replayed, no 422 about the key, none of the ids in org B's answer
     * that org A did not send), since a key is scoped to the caller's organisation (contracts/platform.yaml; fresh
     * review R-11g D5). Org B's request must succeed (a failed one stores no key) unless the fixture says why not
     * ({@link MatrixRequestFixture#keyNotStored}). Org A's answer is never a 5xx, and where org A sends its own request (no
     * {@link MatrixRequestFixture#otherBody}) to create a resource (no path parameter, so its answer does not hang on the state
     * of org A's resource) it succeeds with org B's status (fresh review R-11h D5: an order placed
     * without reading the key first, whose key record collided with org B's, then was not found for org A: a 500).
     * Where org A sends its own creation (no {@link MatrixRequestFixture#otherBody}, no path parameter; or the fixture gives a
     * {@link MatrixRequestFixture#refused} body) and org B's key was stored, org A first sends a request its handler refuses
     * with that key ({@link #refusedWithTheKey}; s19 review R-11i Pk). A write at a path the fixture gives no such body
     * is not tried so: its own request may be refused by the state of org A's resource, which reads the key anyway.
     *
     * @param reads the GETs of the operation's path and those above it (for each side's current ETag)
     */
    void keyOfAnother(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        String key = "matrix-" + java.util.UUID.randomUUID();
        String body = fixture.requests().otherBody(op);
        Request other = new Request(op, fixture.path(op, Side.OTHER), SecurityMatrix.memberOf(cell.role(), fixture.otherOrg()))
                .json(body).header(IDEMPOTENCY_KEY, key).header("If-Match", op.ifMatch() ? calls.etag(cell, reads, Side.OTHER) : null);
        Response b = calls.send(other);
        String reason = fixture.requests().keyNotStoredReason(op);
        if (b.statusCode() >= 300 && reason == null) {
            throw new AssertionError(cell + ": org B's request with a key must succeed, so that its answer is stored, but"
                    + " answered " + b.asString() + ": give org B a body that succeeds (MatrixRequestFixture.otherBody) or say"
                    + " why it cannot (MatrixRequestFixture.keyNotStored)");
        }
        if (b.statusCode() < 300 && !fixture.requests().hasOtherBody(op)
                && (op.pathParams().isEmpty() || fixture.requests().refused(op) != null)) {
            // org A's own creation below succeeds, so a write reading the key only after its work refused the request
            // would not read it: org A first sends a request its handler refuses (s19 review R-11i Pk)
            refusedWithTheKey(cell, reads, key, b);
        }
        Request own = calls.asCaller(op, cell.role(), body).header(IDEMPOTENCY_KEY, key)
                .header("If-Match", op.ifMatch() ? calls.ownEtag(cell, reads) : null);
        Response a = calls.send(own);
        String said = cell + ": org A's answer to org B's key " + a.statusCode() + " " + MatrixBodies.searched(a)
                + " (org B's: " + b.statusCode() + " " + MatrixBodies.searched(b) + ")";
        assertTrue(a.header("Idempotent-Replayed") == null, said);
        assertTrue(!(a.statusCode() == 422 && a.asString().contains(IDEMPOTENCY_KEY)), said);
        assertTrue(a.statusCode() < 500, said + ": never a 5xx (a key record colliding with org B's, then not found)");
        if (b.statusCode() < 300 && !fixture.requests().hasOtherBody(op) && op.pathParams().isEmpty()) {
            // org A sent its own valid request (the fixture's body): it must succeed as org B's did, its own new
            // resource (fresh review R-11h D5: a key unique without the organisation refuses org A's first use of it)
            assertEquals(b.statusCode(), a.statusCode(), said + ": org A's own request must succeed as org B's did");
        }
        String sent = own.path() + " " + own.json();
        String text = MatrixBodies.searched(a);
        java.util.regex.Matcher ids = UUIDS.matcher(MatrixBodies.searched(b));
        while (ids.find()) {
            String id = ids.group();
            assertTrue(sent.contains(id) || !text.contains(id), said + ": it shows org B's " + id);
        }
    }

    /**
     * Org A's request with org B's stored key and the fixture's body the handler refuses ({@link MatrixRequestFixture#refused}):
     * the answer is org A's own refusal, a 4xx problem+json naming the fixture's field, not org B's answer replayed,
     * not a 422 about the key, none of the ids of org B's answer in it. A refusal stores no key, so org A's own request
     * with the key is sent after it.
     */
    private void refusedWithTheKey(Cell cell, List<MatrixOperation> reads, String key, Response b) {
        MatrixOperation op = cell.operation();
        MatrixRequestFixture.Refused refused = fixture.requests().refused(op);
        if (refused == null) {
            throw new AssertionError(cell + ": org A's own creation with org B's key succeeds, so a write that reads the key"
                    + " only once its work refused the request is not tried: give the fixture a body of org A's that the"
                    + " handler refuses past reading the key, and the field it names (MatrixRequestFixture.refused)");
        }
        Request own = calls.asCaller(op, cell.role(), refused.body().get()).header(IDEMPOTENCY_KEY, key)
                .header("If-Match", op.ifMatch() ? calls.ownEtag(cell, reads) : null);
        Response a = calls.send(own);
        String said = cell + ": org A's request its handler refuses, with org B's key, answered " + a.statusCode() + " "
                + MatrixBodies.searched(a) + " (org B's: " + b.statusCode() + " " + MatrixBodies.searched(b) + ")";
        assertTrue(a.header("Idempotent-Replayed") == null, said + ": org B's answer replayed");
        assertTrue(a.statusCode() >= 400 && a.statusCode() < 500 && isProblem(a), said + ": must be org A's own 4xx problem");
        assertTrue(!a.asString().contains(IDEMPOTENCY_KEY), said + ": a refusal about the key, which org A never used");
        assertTrue(MatrixBodies.text(a).contains(refused.field()), said + ": must name " + refused.field());
        String text = MatrixBodies.searched(a);
        java.util.regex.Matcher ids = UUIDS.matcher(MatrixBodies.searched(b));
        while (ids.find()) {
            String id = ids.group();
            assertTrue(own.path().contains(id) || !text.contains(id), said + ": it shows org B's " + id);
        }
    }

    private static boolean isProblem(Response answer) {
        return Objects.equals("application/problem+json", answer.contentType());
    }
}
