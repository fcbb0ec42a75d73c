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

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls and checks of the matrix's cells, every answer validated against the contract. */
final class MatrixCalls {

    /** The most pages of a listing a cell follows; more fails the cell. */
    static final int MAX_PAGES = 100;

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
     * data is sent empty, see {@link #roleBody}). The answer must be a status the
     * contract lists for the operation (one taking If-Match is sent org A's current ETag): a 2xx for a read, and for a write a 2xx or a 4xx other than
     * 401, 403 and 404 (the handler ran and refused the state, e.g. 409 for an order already
     * confirmed), after which org B's resources of org A's codes read exactly as before, body and
     * headers ({@link #sameCodes}, {@link MatrixBodies#unchangedHeaders}). Any other role: 403 problem+json saying the roles do not allow it.
     *
     * @param ownReads for a write of an organisation's data, the GETs of its path and those above it
     *                 (nearest first; may be empty), read at org A's path by org B before and after
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
        List<Response> sameCodes = op.isRead() || op.global() ? List.of() : sameCodes(ownReads);
        Response answer = send(asCaller(op, cell.role(), roleBody(op)).header("If-Match", etag));
        int status = answer.statusCode();
        String said = cell + " answered " + status + ": " + answer.asString();
        assertTrue(op.statuses().contains(status), said + " (the contract lists " + op.statuses() + ")");
        if (op.isRead()) {
            assertTrue(status < 300, said + " (a read of org A's own data by an allowed role must succeed)");
            if (!op.global() && !forNoOrganisation(op, cell.role())) {
                String text = MatrixBodies.searched(answer);
                assertShowsOwn(cell, "org A's answer", text);
                // org B uses org A's codes too (a site, a rack): a read by code that forgets the organisation shows it
                assertShowsNoneOfOther(cell, "org A's answer", text);
            }
        } else {
            assertTrue(status < 300 || status < 500 && status != 401 && status != 403 && status != 404,
                    said + " (the call did not reach the handler with org A's own resource)");
            if (status < 300 && !forNoOrganisation(op, cell.role())) {
                // fresh review R-11h D3: a write's answer is searched like a read's (a rack's answer over the same codes)
                assertShowsNoneOfOther(cell, "org A's answer to its own write", MatrixBodies.searched(answer));
            }
            List<Response> after = sameCodes(ownReads);
            for (int i = 0; i < ownReads.size(); i++) {
                if (sameCodes.get(i) != null) {
                    String read = cell + ": org B's " + ownReads.get(i).operationId() + " of org A's codes after org A's own"
                            + " write (a write by code that forgets the organisation changes org B's same-coded data)";
                    assertEquals(MatrixBodies.text(sameCodes.get(i)), after.get(i) == null ? null
                            : MatrixBodies.text(after.get(i)), read);
                    // every header, ETag included: one counting or naming every organisation's rows changes too
                    MatrixBodies.unchangedHeaders(sameCodes.get(i), after.get(i), read);
                }
            }
        }
    }

    /**
     * Org B's people's answers to each read at org A's path (org A's ids and codes, and org A's
     * query): org B also uses org A's human-readable codes (a site, a rack), so where such a read
     * answers 2xx it shows org B's resource of the same code, which org A's own writes must leave as
     * it was (fresh review R-11c D2); a read answered otherwise (org A's ids name nothing of org B's)
     * is null. A read no person may call is null too.
     */
    private List<Response> sameCodes(List<MatrixOperation> reads) {
        List<Response> answers = new ArrayList<>();
        for (MatrixOperation read : reads) {
            Response answer = read.personRoles().isEmpty() ? null : send(new Request(read, fixture.path(read, Side.CALLER),
                    SecurityMatrix.person(read.personRoles().get(0), fixture.otherOrg())));
            answers.add(answer != null && answer.statusCode() < 300 ? answer : null);
        }
        return answers;
    }

    /** Org A's resource's current ETag, from the nearest read above the operation that sends one. */
    String ownEtag(Cell cell, List<MatrixOperation> reads) {
        return etag(cell, reads, Side.CALLER);
    }

    /** The current ETag of one side's resource (org A's or org B's), from the nearest read above that sends one. */
    String etag(Cell cell, List<MatrixOperation> reads, Side side) {
        String org = side == Side.OTHER ? fixture.otherOrg() : fixture.callerOrg();
        for (MatrixOperation read : reads) {
            String reader = read.roles().contains(cell.role()) ? cell.role() : read.personRoles().get(0);
            Response answer = send(new Request(read, fixture.path(read, side),
                    SecurityMatrix.person(reader, org)));
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
     * Org B's people's answers to each read (each must be 2xx: the fixture's ids are real), as a
     * person of the given role where the read allows it, else of the read's first person role. The answers
     * last read by {@link #unchanged} (or here) for the same role and reads are answered again when no write
     * that may change org B's data was sent since ({@link MatrixFixture#keptAnswers()}): org A's writes must
     * not change them, which each cell's {@link #unchanged} checks (s19 H-11i-b: the cells of one write, one per id
     * field, each read every listing of org B twice).
     */
    List<Response> snapshot(String role, List<MatrixOperation> reads, String what) {
        String key = snapshotKey(role, reads);
        List<Response> kept = fixture.keptAnswers().get(key);
        if (kept != null) {
            return kept;
        }
        List<Response> answers = read(role, reads, what);
        fixture.keptAnswers().keep(key, answers);
        return answers;
    }

    private static String snapshotKey(String role, List<MatrixOperation> reads) {
        StringBuilder key = new StringBuilder(role);
        reads.forEach(read -> key.append(' ').append(read.operationId()));
        return key.toString();
    }

    /** {@link #snapshot}, read now. */
    private List<Response> read(String role, List<MatrixOperation> reads, String what) {
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
        List<Response> after = read(role, reads, what);
        for (int i = 0; i < reads.size(); i++) {
            String read = what + ": org B's " + reads.get(i).operationId() + " after the attempt";
            assertEquals(MatrixBodies.text(before.get(i)), MatrixBodies.text(after.get(i)), read);
            assertEquals(before.get(i).header("ETag"), after.get(i).header("ETag"), read + " (ETag)");
        }
        fixture.keptAnswers().keep(snapshotKey(role, reads), after);
    }

    /**
     * A call of {@code path} by the role's caller of organisation {@code org}: a person of it, or the
     * service account naming it in each of the operation's fields the fixture says a service account
     * names its organisation in ({@link MatrixFixture#serviceOrg}: a query parameter or a header).
     */
    Request asMemberOf(MatrixOperation op, String role, String org, String path) {
        if (!"service".equals(role)) {
            return new Request(op, path, SecurityMatrix.person(role, org));
        }
        Request request = new Request(op, path, SecurityMatrix.memberOf(role, null));
        for (IdFields.IdField f : op.idFields()) {
            if (fixture.serviceOrgFields().contains(f.name())) {
                request = request.with(f, org);
            }
        }
        return request;
    }

    /**
     * The service account calling an operation in which it names no organisation (none of the
     * operation's fields is one of the fixture's service-org fields, e.g. GET /api/me): its answer
     * is about the account, not about an organisation's data.
     */
    private boolean forNoOrganisation(MatrixOperation op, String role) {
        return "service".equals(role) && op.idFields().stream().noneMatch(f -> fixture.serviceOrgFields().contains(f.name()));
    }

    /** The answer (its text with headers, {@link MatrixBodies#searched}) shows none of org B's markers. */
    void assertShowsNoneOfOther(Cell cell, String what, String text) {
        fixture.otherMarkers().forEach(m -> assertTrue(!text.contains(m), cell + ": " + what + " shows org B's " + m
                + ": " + text));
    }

    /** The answer shows some of org A's own data (its name, ids, serials...), so an empty or another's answer fails. */
    void assertShowsOwn(Cell cell, String what, String text) {
        assertTrue(fixture.ownMarkers().stream().anyMatch(text::contains), cell + ": " + what + " shows none of org A's"
                + " own data " + fixture.ownMarkers() + " (an empty or another organisation's answer): " + text);
    }

    /**
     * The body of a role or refusal cell: the fixture's, else the contract's example. A write to
     * shared reference data is sent empty here (400 past the role check): its one real write, with a
     * valid body, is its {@link SecurityMatrix.Kind#GLOBAL_ALIKE} cell's, since some happen once only
     * (a supersede cuts a rate's window once; a correction names the version it corrects).
     */
    String roleBody(MatrixOperation op) {
        if (op.global() && !op.isRead()) {
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
            return with(field, value, MatrixBodyEdits.At.FIRST);
        }

        /**
         * The request with one id field set to a value; a body property in an array (or an array of ids) in the
         * element {@code at} names, see {@link MatrixBodyEdits#with(String, String, boolean, String, MatrixBodyEdits.At)}.
         */
        Request with(IdFields.IdField field, String value, MatrixBodyEdits.At at) {
            return switch (field.place()) {
                case HEADER -> header(field.name(), value);
                case QUERY -> new Request(op, path + (path.contains("?") ? "&" : "?") + field.name() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8), token, json, headers);
                case BODY -> json(MatrixBodyEdits.with(json, field.name(), field.array(), value, at));
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
        Response answer = request.request(call.op().method(), call.path());
        if (!call.op().isRead() && !fixture.callerOrg().equals(call.token() == null ? null
                : Tokens.orgClaim("Bearer " + call.token()))) {
            // a write not by org A's people may change org B's data: org B's kept answers are read again
            fixture.keptAnswers().forget();
        }
        return answer;
    }
}
