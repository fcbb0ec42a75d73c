package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FOREIGN_ROWS cells: a listing read whole by org A's person, page by page and in each other media type its
 * answer lists, against org B's and an empty organisation's answers (split out of {@link MatrixCalls}).
 */
final class MatrixRowCalls {

    private final MatrixCalls calls;
    private final MatrixFixture fixture;

    MatrixRowCalls(MatrixCalls calls, MatrixFixture fixture) {
        this.calls = calls;
        this.fixture = fixture;
    }

    /**
     * Org A's person's list, summary or export, or paged rows of org A's resource, holds some of org
     * A's data and no text of org B's (ids, serials, numbers, its name) on any page (nextCursor
     * followed to the last, at most {@link MatrixCalls#MAX_PAGES}); a keyset-paged read is asked for one row a
     * page ({@link MatrixOperation#PAGE_SIZE}=1) and must reach page 2, where a query that forgets
     * the organisation once a cursor is given shows itself. Org B's person's answer shows its own
     * (paged the same way, so past page 1 too), unless the fixture says why it cannot. A list, summary
     * or export without a path parameter is also read by an organisation holding nothing
     * ({@link MatrixFixture#emptyOrg()}), with no query but the fixture's: no rows, none of org A's or
     * org B's data, every count and sum zero (see MatrixQueryCalls.assertNoRows; fresh review R-11e D2).
     */
    void foreignRows(Cell cell) {
        MatrixOperation op = cell.operation();
        List<String> pages = walk(cell, "org A's", fixture.path(op, Side.CALLER), fixture.callerOrg());
        for (int page = 0; page < pages.size(); page++) {
            calls.assertShowsNoneOfOther(cell, "org A's page " + (page + 1), pages.get(page));
        }
        calls.assertShowsOwn(cell, "org A's pages", String.join("\n", pages));
        if (op.pathParams().isEmpty()) {
            // fresh review R-11e D2: every listing, not only one with a filter, read by an organisation holding nothing
            Response empty = calls.send(calls.asMemberOf(op, cell.role(), fixture.emptyOrg(), fixture.path(op, Side.CALLER)));
            assertTrue(empty.statusCode() < 300, cell + ": an organisation holding nothing answered " + empty.statusCode()
                    + ": " + empty.asString());
            new MatrixQueryCalls(calls, fixture).assertNoRows(cell, "no query", empty);
        }
        if (fixture.unlistedReason(op.operationId()) != null) {
            return;
        }
        assertOtherShowsItsOwn(cell, "org B's own answer",
                String.join("\n", walk(cell, "org B's", fixture.path(op, Side.OTHER), fixture.otherOrg())));
    }

    /**
     * A listing read in another media type of its answer ({@link MatrixOperation#otherAnswerTypes}, e.g. text/csv):
     * org A's answer in that type is 200 of that type, shows org A's data and none of org B's markers; org B's own
     * answer in that type shows its data, so org A's proves something. Read whole (an export is every row of the
     * range, not paged).
     */
    void foreignRowsAs(Cell cell, String type) {
        MatrixOperation op = cell.operation();
        Response mine = calls.send(calls.asMemberOf(op, cell.role(), fixture.callerOrg(), fixture.path(op, Side.CALLER)).header("Accept", type));
        assertEquals(200, mine.statusCode(), cell + ": org A's answer as " + type + ": " + mine.asString());
        assertTrue(mine.contentType() != null && mine.contentType().startsWith(type),
                cell + ": asked for " + type + ", got " + mine.contentType());
        String text = mine.asString();
        calls.assertShowsNoneOfOther(cell, "org A's " + type + " answer", text);
        calls.assertShowsOwn(cell, "org A's " + type + " answer", text);
        if (fixture.unlistedReason(op.operationId()) != null) {
            return;
        }
        assertOtherShowsItsOwn(cell, "org B's own " + type + " answer", calls.send(calls.asMemberOf(op, cell.role(),
                fixture.otherOrg(), fixture.path(op, Side.OTHER)).header("Accept", type)).asString());
    }

    /**
     * Every page of organisation {@code org}'s answer to the cell's role ({@link MatrixCalls#asMemberOf}), as
     * text: nextCursor followed to the last page, one row a page ({@link #onePerPage}) when the operation is
     * keyset-paged, which must then reach page 2. Each page is read by {@link #page}.
     */
    private List<String> walk(Cell cell, String whose, String path, String org) {
        MatrixOperation op = cell.operation();
        String first = op.pages() ? onePerPage(path) : path;
        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            assertTrue(pages.size() < MatrixCalls.MAX_PAGES, cell + ": " + whose + " answer has more than " + MatrixCalls.MAX_PAGES + " pages");
            Response answer = page(cell, whose, cursor == null ? first : atCursor(first, cursor), org, pages.size() + 1);
            pages.add(MatrixBodies.searched(answer));
            cursor = MatrixBodies.nextCursor(answer);
        } while (cursor != null);
        if (op.pages()) {
            assertTrue(pages.size() >= 2, cell + ": " + whose + " answer, one row a page, has no page 2 (the fixture must"
                    + " hold at least two rows of each organisation that it lists): " + pages);
        }
        return pages;
    }

    /**
     * Page {@code number} of organisation {@code org}'s answer at {@code pagePath} to the cell's role, which must be
     * 2xx ("{@code whose} page {@code number} answered ..." otherwise): a step of {@link #walk}, and the page 1 whose
     * nextCursor a {@link SecurityMatrix.Kind#FOREIGN_CURSOR} cell sends ({@link MatrixCursorCalls}).
     */
    Response page(Cell cell, String whose, String pagePath, String org, int number) {
        Response answer = calls.send(calls.asMemberOf(cell.operation(), cell.role(), org, pagePath));
        assertTrue(answer.statusCode() < 300, cell + ": " + whose + " page " + number + " answered "
                + answer.statusCode() + ": " + answer.asString());
        return answer;
    }

    /** The path asking for one row a page ({@link MatrixOperation#PAGE_SIZE}=1). */
    static String onePerPage(String path) {
        return path + (path.contains("?") ? "&" : "?") + MatrixOperation.PAGE_SIZE + "=1";
    }

    /** The path asking for the page after {@code cursor} (a nextCursor, sent as it is). */
    static String atCursor(String path, String cursor) {
        return path + (path.contains("?") ? "&" : "?") + MatrixOperation.CURSOR + "=" + cursor;
    }

    /** Org B's own answer shows some of its fixture data, so org A's answer (which shows none) proves something. */
    private void assertOtherShowsItsOwn(Cell cell, String what, String text) {
        assertTrue(fixture.otherMarkers().stream().anyMatch(text::contains), cell + ": " + what + " shows none of its"
                + " fixture data " + fixture.otherMarkers() + ", so org A's answer proves nothing: " + text);
    }
}
