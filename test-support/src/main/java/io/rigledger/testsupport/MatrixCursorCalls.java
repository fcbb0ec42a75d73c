package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link SecurityMatrix.Kind#FOREIGN_CURSOR} cell of a keyset-paged read of an organisation's data
 * (fresh review R-11h D2): a cursor names a position in a list, and a list that took its position, or
 * worse its scope (the order whose shipments it lists), from a cursor another organisation was given,
 * or from one anybody can write, would show that organisation's rows. Org B's person of the cell's role
 * reads page 1 of the same list (org B's resource where the path names one) with the same query at
 * {@code limit=1}; org A's person sends org B's real nextCursor, then the same cursor with one byte of
 * its position changed, to org A's list: each is 400 problem+json naming {@code cursor}. Three requests a cell.
 */
final class MatrixCursorCalls {

    private final MatrixCalls calls;
    private final MatrixFixture fixture;

    MatrixCursorCalls(MatrixCalls calls, MatrixFixture fixture) {
        this.calls = calls;
        this.fixture = fixture;
    }

    void foreignCursor(Cell cell) {
        MatrixOperation op = cell.operation();
        Response page1 = new MatrixRowCalls(calls, fixture).page(cell, "org B's own",
                MatrixRowCalls.onePerPage(fixture.path(op, Side.OTHER)), fixture.otherOrg(), 1);
        String cursorOfB = MatrixBodies.nextCursor(page1);
        assertNotNull(cursorOfB, cell + ": org B's page 1 at one row a page has no nextCursor (the fixture must hold at least"
                + " two rows of each organisation that it lists): " + page1.asString());
        String ownList = MatrixRowCalls.onePerPage(fixture.path(op, Side.CALLER));
        refused(cell, "org B's real nextCursor", ownList, cursorOfB);
        refused(cell, "org B's nextCursor with one byte of its position changed", ownList, altered(cursorOfB));
    }

    private void refused(Cell cell, String what, String list, String cursor) {
        Response answer = calls.send(calls.asMemberOf(cell.operation(), cell.role(), fixture.callerOrg(),
                MatrixRowCalls.atCursor(list, cursor)));
        String said = cell + ": org A sent " + what + " and got " + answer.statusCode() + ": " + answer.asString();
        assertEquals(400, answer.statusCode(), said + " (a list must refuse a cursor it did not give this organisation)");
        assertEquals("application/problem+json", answer.contentType(), said);
        List<String> fields = answer.jsonPath().getList("violations.field");
        assertTrue(fields != null && fields.contains(MatrixOperation.CURSOR), said + " (the problem must name cursor)");
    }

    /** The cursor with its first byte after the version ("v2|") changed, still base64url of the same length. */
    static String altered(String cursor) {
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        int at = Math.min(3, raw.length - 1);
        raw[at] = (byte) (raw[at] == '1' ? '2' : '1');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
