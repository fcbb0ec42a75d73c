package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls and checks of the matrix's cells, every answer validated against the contract. */
final class MatrixCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String contract;
    private final MatrixFixture fixture;

    MatrixCalls(String contract, MatrixFixture fixture) {
        this.contract = contract;
        this.fixture = fixture;
    }

    /** 401 problem+json; the challenge and the detail name the reason (null: no token, plain "Bearer"). */
    void refused(Cell cell, String token, String reason) {
        Response answer = call(cell.operation(), Side.CALLER, token, roleBody(cell.operation()), null);
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
     * A role the operation names gets past the check: any answer but 401, a 403 for the role or a
     * 5xx. Any other role: 403 problem+json saying the roles do not allow it. People call from a
     * fresh organisation of their own, so the cell changes none of the fixture's resources.
     */
    void byRole(Cell cell, String token, boolean allowed) {
        Response answer = call(cell.operation(), Side.CALLER, token, roleBody(cell.operation()), null);
        int status = answer.statusCode();
        if (allowed) {
            boolean roleRefused = status == 403 && SecurityMatrix.ROLE_REFUSAL.equals(answer.jsonPath().getString("detail"));
            assertTrue(status != 401 && !roleRefused && status < 500, cell + " answered " + status + ": " + answer.asString());
            return;
        }
        assertEquals(403, status, cell + ": " + answer.asString());
        assertEquals("application/problem+json", answer.contentType(), cell.toString());
        assertEquals(SecurityMatrix.ROLE_REFUSAL, answer.jsonPath().getString("detail"), cell.toString());
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
        List<Response> before = snapshot(cell, reads);
        String etag = op.ifMatch() ? before.stream().map(r -> r.header("ETag")).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(cell + ": it takes If-Match but no read above it sends an ETag")) : null;
        if (fixture.isUpsert(op)) {
            Response own = call(op, Side.OTHER, SecurityMatrix.tokenOf(cell.role()), fixture.body(op), etag);
            assertTrue(own.statusCode() < 300, cell + ": a third organisation's PUT of its own " + own.asString());
            unchanged(cell, reads, before);
            return;
        }
        String stranger = SecurityMatrix.person(cell.role(), fixture.callerOrg());
        Response foreign = call(op, Side.OTHER, stranger, fixture.body(op), etag);
        assertEquals(404, foreign.statusCode(), cell + ": org B's id answered " + foreign.asString());
        assertEquals("application/problem+json", foreign.contentType(), cell.toString());
        Response missing = call(op, Side.MISSING, stranger, fixture.body(op), etag);
        assertEquals(404, missing.statusCode(), cell + ": a missing id answered " + missing.asString());
        assertEquals(withoutIds(missing.asString(), fixture.distinctIds(op, Side.MISSING)),
                withoutIds(foreign.asString(), fixture.distinctIds(op, Side.OTHER)),
                cell + ": another organisation's id must be answered exactly like a missing one");
        if (!op.isRead()) {
            unchanged(cell, reads, before);
        }
    }

    /** Org B's people's answers to each read (each must be 2xx: the fixture's ids are real). */
    private List<Response> snapshot(Cell cell, List<MatrixOperation> reads) {
        List<Response> answers = new ArrayList<>();
        for (MatrixOperation read : reads) {
            String role = read.roles().contains(cell.role()) ? cell.role() : read.personRoles().get(0);
            Response answer = call(read, Side.OTHER, SecurityMatrix.person(role, fixture.otherOrg()), null, null);
            assertTrue(answer.statusCode() < 300, cell + ": org B's own " + read.operationId() + " of the fixture's ids answered "
                    + answer.statusCode() + " (the fixture's ids must be real): " + answer.asString());
            answers.add(answer);
        }
        return answers;
    }

    private void unchanged(Cell cell, List<MatrixOperation> reads, List<Response> before) {
        List<Response> after = snapshot(cell, reads);
        for (int i = 0; i < reads.size(); i++) {
            String what = cell + ": org B's " + reads.get(i).operationId() + " after the attempt";
            assertEquals(before.get(i).asString(), after.get(i).asString(), what);
            assertEquals(before.get(i).header("ETag"), after.get(i).header("ETag"), what + " (ETag)");
        }
    }

    /**
     * Org A's person's list, summary or export holds no text of org B's (ids, serials, numbers, its
     * name); org B's person's shows its own (unless the fixture says why it cannot).
     */
    void foreignRows(Cell cell) {
        MatrixOperation op = cell.operation();
        Response mine = call(op, Side.CALLER, SecurityMatrix.person(cell.role(), fixture.callerOrg()), null, null);
        assertTrue(mine.statusCode() < 300, cell + ": org A's answer " + mine.statusCode() + ": " + mine.asString());
        String text = text(mine);
        for (String marker : fixture.otherMarkers()) {
            assertTrue(!text.contains(marker), cell + ": org A's answer shows org B's " + marker + ": " + text);
        }
        if (fixture.unlistedReason(op.operationId()) != null) {
            return;
        }
        Response theirs = call(op, Side.OTHER, SecurityMatrix.person(cell.role(), fixture.otherOrg()), null, null);
        assertTrue(theirs.statusCode() < 300, cell + ": org B's answer " + theirs.statusCode());
        String own = text(theirs);
        assertTrue(fixture.otherMarkers().stream().anyMatch(own::contains),
                cell + ": org B's own answer shows none of its fixture data " + fixture.otherMarkers()
                        + ", so org A's answer proves nothing: " + own);
    }

    /** The body of a role or refusal cell: a write to shared reference data is sent empty (400 past the check). */
    private String roleBody(MatrixOperation op) {
        if (op.global() && !op.isRead() && !fixture.hasBody(op)) {
            return op.example() == null ? null : "{}";
        }
        return fixture.body(op);
    }

    private Response call(MatrixOperation op, Side side, String token, String json, String ifMatch) {
        RequestSpecification request = given().filter(Contract.responses(contract));
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (json != null) {
            request.contentType(ContentType.JSON).body(json);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.request(op.method(), fixture.path(op, side));
    }

    /** A problem with each id replaced by its parameter's place and without instance (the path called). */
    private static JsonNode withoutIds(String problem, Map<String, String> ids) {
        String text = problem;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace(id.getValue(), id.getKey());
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                object.remove("instance");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a problem: " + problem, e);
        }
    }

    /** The answer as text; a ZIP archive (the CAPE files) as the text of its entries. */
    private static String text(Response answer) {
        String type = answer.contentType();
        if (type == null || !type.startsWith("application/zip")) {
            return answer.asString();
        }
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.asByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(entry.getName()).append('\n')
                        .append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
