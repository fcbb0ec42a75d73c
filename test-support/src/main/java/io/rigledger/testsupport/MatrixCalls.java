package io.rigledger.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls and checks of the matrix's cells, every answer validated against the contract. */
final class MatrixCalls {

    /** The most pages of a listing a cell follows; more fails the cell. */
    static final int MAX_PAGES = 50;

    private final String contract;
    private final MatrixFixture fixture;

    MatrixCalls(String contract, MatrixFixture fixture) {
        this.contract = contract;
        this.fixture = fixture;
    }

    /** 401 problem+json; the challenge and the detail name the reason (null: no token, plain "Bearer"). */
    void refused(Cell cell, String token, String reason) {
        Response answer = send(new Request(cell.operation(), fixture.path(cell.operation(), Side.CALLER), token)
                .json(roleBody(cell.operation())));
        assertEquals(401, answer.statusCode(), cell + ": " + answer.asString());
        assertEquals("application/problem+json", answer.contentType(), cell.toString());
        String challenge = answer.header("WWW-Authenticate");
        if (reason == null) {
            assertEquals("Bearer", challenge, cell.toString());
            return;
        }
        assertTrue(challenge != null && challenge.startsWith("Bearer error=\"invalid_token\", error_description=\"")
                && challenge.contains(reason), cell + ": WWW-Authenticate " + challenge);
        String detail = answer.jsonPath().getString("detail");
        assertTrue(detail != null && detail.contains(reason), cell + ": detail " + detail);
    }

    /**
     * A role the operation names reaches the handler: a person of org A (an admin of org A; a
     * service account naming org A where the fixture says how) calls with org A's own resource and
     * the fixture's body (the contract's example unless it gives one; a write to shared reference
     * data is sent empty, so the matrix changes no shared schedule). The answer must be a status the
     * contract lists for the operation (one taking If-Match is sent org A's current ETag): a 2xx for a read, and for a write a 2xx or a 4xx other than
     * 401, 403 and 404 (the handler ran and refused the state, e.g. 409 for an order already
     * confirmed). Any other role: 403 problem+json saying the roles do not allow it.
     */
    void byRole(Cell cell, boolean allowed, List<MatrixOperation> ownReads) {
        MatrixOperation op = cell.operation();
        if (!allowed) {
            Response answer = send(new Request(op, fixture.path(op, Side.CALLER), SecurityMatrix.tokenOf(cell.role()))
                    .json(roleBody(op)));
            assertEquals(403, answer.statusCode(), cell + ": " + answer.asString());
            assertEquals("application/problem+json", answer.contentType(), cell.toString());
            assertEquals(SecurityMatrix.ROLE_REFUSAL, answer.jsonPath().getString("detail"), cell.toString());
            return;
        }
        String etag = op.ifMatch() ? ownEtag(cell, ownReads) : null;
        Response answer = send(asCaller(op, cell.role(), roleBody(op)).header("If-Match", etag));
        int status = answer.statusCode();
        String said = cell + " answered " + status + ": " + answer.asString();
        assertTrue(op.statuses().contains(status), said + " (the contract lists " + op.statuses() + ")");
        if (op.isRead()) {
            assertTrue(status < 300, said + " (a read of org A's own data by an allowed role must succeed)");
        } else {
            assertTrue(status < 300 || status < 500 && status != 401 && status != 403 && status != 404,
                    said + " (the call did not reach the handler with org A's own resource)");
        }
    }

    /** Org A's resource's current ETag, from the nearest read above the operation that sends one. */
    String ownEtag(Cell cell, List<MatrixOperation> reads) {
        for (MatrixOperation read : reads) {
            String reader = read.roles().contains(cell.role()) ? cell.role() : read.personRoles().get(0);
            Response answer = send(new Request(read, fixture.path(read, Side.CALLER),
                    SecurityMatrix.person(reader, fixture.callerOrg())));
            if (answer.header("ETag") != null) {
                return answer.header("ETag");
            }
        }
        throw new AssertionError(cell + ": it takes If-Match but no read above it sends an ETag");
    }

    /**
     * The request of org A's caller of one role with org A's resources: a person of org A, an admin
     * of org A, or the service account naming org A in each of the fixture's service-org fields.
     */
    Request asCaller(MatrixOperation op, String role, String json) {
        String a = fixture.callerOrg();
        Request request = new Request(op, fixture.path(op, Side.CALLER), SecurityMatrix.memberOf(role, a)).json(json);
        if ("service".equals(role)) {
            for (IdFields.IdField field : op.idFields()) {
                if (fixture.serviceOrgFields().contains(field.name())) {
                    request = request.with(field, a);
                }
            }
        }
        return request;
    }

    /**
     * Org A's person with org B's real id: 404 problem+json equal, the id aside, to the answer for an
     * id that does not exist. Org B's people read the resource (the fixture's id is real) and, after
     * a write, every read of it and above it (the order of a shipment) answers exactly as before,
     * ETag included. An operation taking If-Match is sent org B's current ETag, as if it had been stolen.
     *
     * @param reads the GETs of the operation's path and those above it, nearest first
     */
    void foreignId(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        List<Response> before = snapshot(cell.role(), reads, cell.toString());
        String etag = op.ifMatch() ? before.stream().map(r -> r.header("ETag")).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(cell + ": it takes If-Match but no read above it sends an ETag")) : null;
        if (fixture.isUpsert(op)) {
            Response own = send(new Request(op, fixture.path(op, Side.OTHER), SecurityMatrix.tokenOf(cell.role()))
                    .json(fixture.body(op)).header("If-Match", etag));
            assertTrue(own.statusCode() < 300, cell + ": a third organisation's PUT of its own " + own.asString());
            unchanged(cell.role(), reads, before, cell.toString());
            return;
        }
        String stranger = SecurityMatrix.person(cell.role(), fixture.callerOrg());
        Response foreign = send(new Request(op, fixture.path(op, Side.OTHER), stranger).json(fixture.body(op))
                .header("If-Match", etag));
        assertEquals(404, foreign.statusCode(), cell + ": org B's id answered " + foreign.asString());
        assertEquals("application/problem+json", foreign.contentType(), cell.toString());
        Response missing = send(new Request(op, fixture.path(op, Side.MISSING), stranger).json(fixture.body(op))
                .header("If-Match", etag));
        assertEquals(404, missing.statusCode(), cell + ": a missing id answered " + missing.asString());
        assertEquals(MatrixBodies.comparable(missing, fixture.distinctIds(op, Side.MISSING)),
                MatrixBodies.comparable(foreign, fixture.distinctIds(op, Side.OTHER)),
                cell + ": another organisation's id must be answered exactly like a missing one");
        if (!op.isRead()) {
            unchanged(cell.role(), reads, before, cell.toString());
        }
    }

    /**
     * Org B's people's answers to each read (each must be 2xx: the fixture's ids are real), as a
     * person of the given role where the read allows it, else of the read's first person role.
     */
    List<Response> snapshot(String role, List<MatrixOperation> reads, String what) {
        List<Response> answers = new ArrayList<>();
        for (MatrixOperation read : reads) {
            String reader = read.roles().contains(role) ? role : read.personRoles().get(0);
            Response answer = send(new Request(read, fixture.path(read, Side.OTHER),
                    SecurityMatrix.person(reader, fixture.otherOrg())));
            assertTrue(answer.statusCode() < 300, what + ": org B's own " + read.operationId() + " of the fixture's ids answered "
                    + answer.statusCode() + " (the fixture's ids must be real): " + answer.asString());
            answers.add(answer);
        }
        return answers;
    }

    /** Org B's reads answer byte for byte as before, ETags included. */
    void unchanged(String role, List<MatrixOperation> reads, List<Response> before, String what) {
        List<Response> after = snapshot(role, reads, what);
        for (int i = 0; i < reads.size(); i++) {
            String read = what + ": org B's " + reads.get(i).operationId() + " after the attempt";
            assertEquals(MatrixBodies.text(before.get(i)), MatrixBodies.text(after.get(i)), read);
            assertEquals(before.get(i).header("ETag"), after.get(i).header("ETag"), read + " (ETag)");
        }
    }

    /**
     * Org A's person's list, summary or export holds no text of org B's (ids, serials, numbers, its
     * name) on any page (nextCursor followed to the last, at most {@link #MAX_PAGES}); org B's
     * person's first page shows its own (unless the fixture says why it cannot).
     */
    void foreignRows(Cell cell) {
        MatrixOperation op = cell.operation();
        String mine = SecurityMatrix.person(cell.role(), fixture.callerOrg());
        String path = fixture.path(op, Side.CALLER);
        String cursor = null;
        int page = 0;
        do {
            page++;
            assertTrue(page <= MAX_PAGES, cell + ": org A's answer has more than " + MAX_PAGES + " pages");
            String pagePath = cursor == null ? path : path + (path.contains("?") ? "&" : "?") + "cursor=" + cursor;
            Response answer = send(new Request(op, pagePath, mine));
            assertTrue(answer.statusCode() < 300, cell + ": org A's page " + page + " answered " + answer.statusCode()
                    + ": " + answer.asString());
            String text = MatrixBodies.text(answer);
            for (String marker : fixture.otherMarkers()) {
                assertTrue(!text.contains(marker), cell + ": org A's page " + page + " shows org B's " + marker + ": " + text);
            }
            cursor = MatrixBodies.nextCursor(answer);
        } while (cursor != null);
        if (fixture.unlistedReason(op.operationId()) != null) {
            return;
        }
        Response theirs = send(new Request(op, path, SecurityMatrix.person(cell.role(), fixture.otherOrg())));
        assertTrue(theirs.statusCode() < 300, cell + ": org B's answer " + theirs.statusCode());
        String own = MatrixBodies.text(theirs);
        assertTrue(fixture.otherMarkers().stream().anyMatch(own::contains),
                cell + ": org B's own answer shows none of its fixture data " + fixture.otherMarkers()
                        + ", so org A's answer proves nothing: " + own);
    }

    /** The body of a role or refusal cell: a write to shared reference data is sent empty (400 past the check). */
    String roleBody(MatrixOperation op) {
        if (op.global() && !op.isRead() && !fixture.hasBody(op)) {
            return op.example() == null ? null : "{}";
        }
        return fixture.body(op);
    }

    /**
     * One call of the matrix: the operation, the concrete path (query included), the bearer token
     * (null: none), the JSON body (null: none) and headers (a null value: not sent).
     */
    record Request(MatrixOperation op, String path, String token, String json, Map<String, String> headers) {
        Request(MatrixOperation op, String path, String token) {
            this(op, path, token, null, Map.of());
        }

        Request json(String body) {
            return new Request(op, path, token, body, headers);
        }

        Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(op, path, token, json, more);
        }

        /** The request with one id field (body property, query parameter or header) set to a value. */
        Request with(IdFields.IdField field, String value) {
            return switch (field.place()) {
                case HEADER -> header(field.name(), value);
                case QUERY -> new Request(op, path + (path.contains("?") ? "&" : "?") + field.name() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8), token, json, headers);
                case BODY -> json(MatrixBodies.with(json, field.name(), field.array(), value));
            };
        }
    }

    Response send(Request call) {
        RequestSpecification request = given().filter(Contract.responses(contract));
        if (call.token() != null) {
            request.auth().oauth2(call.token());
        }
        if (call.json() != null) {
            request.contentType(ContentType.JSON).body(call.json());
        }
        call.headers().forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return request.request(call.op().method(), call.path());
    }
}
