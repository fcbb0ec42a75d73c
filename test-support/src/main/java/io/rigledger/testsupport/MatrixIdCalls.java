package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixCalls.Request;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matrix's FOREIGN_ID cells: org A's people with org B's real ids in the path (also naming org B in a
 * service-org field, and at the fixture's further path values), each answered exactly like a missing id, and org
 * B's data unchanged after a write. Split out of {@link MatrixCalls}, whose requests and reads it uses.
 */
final class MatrixIdCalls {

    private final MatrixCalls calls;
    private final MatrixFixture fixture;

    MatrixIdCalls(MatrixCalls calls, MatrixFixture fixture) {
        this.calls = calls;
        this.fixture = fixture;
    }

    /**
     * Org A's person with org B's real id: 404 problem+json equal, the id aside, to the answer for an
     * id that does not exist, headers included ({@link MatrixBodies#sameHeaders}). Org B's people read the resource (the fixture's id is real) and, after
     * a write, every read of it and above it (the order of a shipment) answers exactly as before,
     * ETag included. An operation taking If-Match is sent org B's current ETag, as if it had been stolen,
     * and then a stale one and none ({@link #otherPreconditions}).
     *
     * @param reads the GETs of the operation's path and those above it, nearest first
     */
    void foreignId(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        List<Response> before = calls.snapshot(cell.role(), reads, cell.toString());
        String etag = op.ifMatch() ? before.stream().map(r -> r.header("ETag")).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(cell + ": it takes If-Match but no read above it sends an ETag")) : null;
        if (fixture.isUpsert(op)) {
            Response own = calls.send(new Request(op, fixture.path(op, Side.OTHER), SecurityMatrix.tokenOf(cell.role()))
                    .json(fixture.body(op)).header("If-Match", etag));
            assertTrue(own.statusCode() < 300, cell + ": a third organisation's PUT of its own " + own.asString());
            calls.unchanged(cell.role(), reads, before, cell.toString());
            return;
        }
        String stranger = SecurityMatrix.person(cell.role(), fixture.callerOrg());
        Response foreign = calls.send(new Request(op, fixture.path(op, Side.OTHER), stranger).json(fixture.body(op))
                .header("If-Match", etag));
        assertEquals(404, foreign.statusCode(), cell + ": org B's id answered " + foreign.asString());
        assertEquals("application/problem+json", foreign.contentType(), cell.toString());
        Response missing = calls.send(new Request(op, fixture.path(op, Side.MISSING), stranger).json(fixture.body(op))
                .header("If-Match", etag));
        assertEquals(404, missing.statusCode(), cell + ": a missing id answered " + missing.asString());
        MatrixBodies.answeredLikeMissing(missing, fixture.distinctIds(op, Side.MISSING),
                foreign, fixture.distinctIds(op, Side.OTHER),
                cell + ": another organisation's id must be answered exactly like a missing one");
        if (op.ifMatch()) {
            otherPreconditions(cell, stranger, etag);
        }
        for (IdFields.IdField field : op.idFields()) {
            if (fixture.serviceOrgFields().contains(field.name())) {
                namingTheOtherOrganisation(cell, field, stranger, etag);
            }
        }
        for (Map<String, MatrixFixture.Ids> values : fixture.alsoAt(op)) {
            foreignAlso(cell, stranger, values);
        }
        if (!op.isRead()) {
            calls.unchanged(cell.role(), reads, before, cell.toString());
        }
    }

    /**
     * Org A's person sends org B's real id, then a missing one, with a well-formed ETag that is not org B's
     * current one ({@link #stale}) and with no If-Match at all: each pair answered alike (a 4xx problem+json
     * equal, the id aside, in status, body and headers). A precondition checked against a lookup without the
     * organisation before the organisation's own (412 "its ETag is now ..." or 428 for org B's order, 404 for a
     * made-up id) tells org A that org B's resource exists and its version; sent only org B's current ETag,
     * such a precondition passes and the answer is the usual 404 (fresh review R-11k F1, plant P5).
     */
    private void otherPreconditions(Cell cell, String stranger, String etag) {
        MatrixOperation op = cell.operation();
        Arrays.asList(stale(etag), null).forEach(ifMatch -> answeredAlike(
                cell + (ifMatch == null ? ", without If-Match" : ", with the stale If-Match " + ifMatch),
                new Request(op, fixture.path(op, Side.OTHER), stranger).json(fixture.body(op)).header("If-Match", ifMatch),
                new Request(op, fixture.path(op, Side.MISSING), stranger).json(fixture.body(op)).header("If-Match", ifMatch)));
    }

    /**
     * Org A's request with org B's real id and the same request with a missing one: the first a 4xx
     * problem+json, both with the same status, and equal, the ids aside, in body and headers
     * ({@link MatrixBodies#answeredLikeMissing}).
     *
     * @param what the cell and the variant, the start of every failure message
     */
    private void answeredAlike(String what, Request foreignRequest, Request missingRequest) {
        MatrixOperation op = foreignRequest.op();
        Response foreign = calls.send(foreignRequest);
        assertTrue(foreign.statusCode() >= 400 && foreign.statusCode() < 500, what + ": org B's id answered "
                + foreign.asString());
        assertEquals("application/problem+json", foreign.contentType(), what);
        Response missing = calls.send(missingRequest);
        assertEquals(missing.statusCode(), foreign.statusCode(), what + ": org B's id answered " + foreign.asString()
                + " but a missing id " + missing.asString());
        MatrixBodies.answeredLikeMissing(missing, fixture.distinctIds(op, Side.MISSING),
                foreign, fixture.distinctIds(op, Side.OTHER),
                what + ": another organisation's id must be answered exactly like a missing one");
    }

    /**
     * A strong ETag well-formed like {@code etag} that does not match it: a version 1,000 ahead of a
     * numeric tag ({@code "7"} -> {@code "1007"}, platform ETags), else {@code "stale"}.
     */
    static String stale(String etag) {
        String inner = etag.replace("\"", "");
        return inner.matches("\\d{1,15}") ? "\"" + (Long.parseLong(inner) + 1000) + "\"" : "\"stale\"";
    }

    /**
     * Org A's person sends org B's real id with org B named in a field where only a service account
     * names the organisation it acts for ({@code X-On-Behalf-Of-Org}; platform OnBehalfOf ignores it
     * for people, or refuses a person's other organisation): a 4xx problem+json exactly like a missing
     * id sent with the same field (status, body and headers): 404 where the field is ignored, the same
     * refusal for both where a person may name only their own (inventory's {@code organisation}).
     * Fresh review R-11e D1: the field's own cell sends org A's id with org B's name, which a person's
     * honoured header answers 404 as well, so that leak escaped.
     */
    private void namingTheOtherOrganisation(Cell cell, IdFields.IdField field, String stranger, String etag) {
        MatrixOperation op = cell.operation();
        answeredAlike(cell + ", naming org B in " + field,
                new Request(op, fixture.path(op, Side.OTHER), stranger).json(fixture.body(op))
                        .header("If-Match", etag).with(field, fixture.otherOrg()),
                new Request(op, fixture.path(op, Side.MISSING), stranger).json(fixture.body(op))
                        .header("If-Match", etag).with(field, fixture.otherOrg()));
    }

    /**
     * Further values of a read's path parameters the fixture gives ({@link MatrixFixture#alsoAt}, e.g.
     * version 2 of a corrected entry; fresh review R-11e D4): org A's and org B's people read their own
     * there (2xx: the values are real), and org A's person at org B's values gets 404 exactly like at
     * the missing ones (body and headers).
     */
    private void foreignAlso(Cell cell, String stranger, Map<String, MatrixFixture.Ids> values) {
        MatrixOperation op = cell.operation();
        String other = fixture.path(op, Side.OTHER, values);
        String what = cell + ", at " + other;
        String mine = fixture.path(op, Side.CALLER, values);
        Response own = calls.send(new Request(op, mine, stranger));
        assertTrue(own.statusCode() < 300, what + ": org A's own " + mine + " answered " + own.asString());
        Response theirs = calls.send(new Request(op, other, SecurityMatrix.person(op.personRoles().get(0), fixture.otherOrg())));
        assertTrue(theirs.statusCode() < 300, what + ": org B's own " + other + " answered " + theirs.asString());
        Response foreign = calls.send(new Request(op, other, stranger));
        assertEquals(404, foreign.statusCode(), what + ": org B's values answered " + foreign.asString());
        Response missing = calls.send(new Request(op, fixture.path(op, Side.MISSING, values), stranger));
        assertEquals(404, missing.statusCode(), what + ": missing values answered " + missing.asString());
        MatrixBodies.answeredLikeMissing(missing, fixture.distinctIds(op, Side.MISSING, values),
                foreign, fixture.distinctIds(op, Side.OTHER, values),
                what + ": another organisation's path must be answered exactly like a missing one");
    }
}
