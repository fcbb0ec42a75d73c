package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixCalls.Request;
import io.rigledger.testsupport.MatrixFixture.Side;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The matrix's listings read under each query their contract offers (fresh review R-11b: a leak
 * reachable only through {@code ?status=} or {@code groupBy=status} passed a matrix that read each
 * listing under one fixed query): page 1 of org A's answer per value of one query parameter, and
 * the same read by an organisation that holds nothing.
 */
final class MatrixQueryCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names of JSON fields and objects whose numbers count or sum an organisation's rows (any case). */
    static final Pattern COUNTING = Pattern.compile("(?i).*(total|sum|count(?!r)|figures).*");

    private final MatrixCalls calls;
    private final MatrixFixture fixture;

    MatrixQueryCalls(MatrixCalls calls, MatrixFixture fixture) {
        this.calls = calls;
        this.fixture = fixture;
    }

    /**
     * One query parameter of an org-scoped listing, summary or export, each of its values read by the
     * cell's role (a person, an admin of org A, or the service account naming org A; fresh review
     * R-11c D4): page 1 at the contract's default page size and, for a keyset-paged read, every page
     * again at one row fewer than page 1 held, so page 2 is read (fresh review R-11c D3; see {@link #pages}):
     * <ul>
     *   <li>an enum parameter (a status, a groupBy) is tried with every value the contract lists, a sort
     *       ({@link MatrixQueryParams#holdsEvery}) with its share of them ({@link #shareOf}); any other with the fixture's values ({@link MatrixQueryParams#filter}), the first org A's;
     *       one with neither fails the cell unless the fixture says why it is not tried
     *       ({@link MatrixQueryParams#unfiltered}; the cell is then skipped, saying so);</li>
     *   <li>org A's answer shows none of org B's data ({@link MatrixFixture#otherMarkers()}) on any page, and for
     *       the fixture's own value, or an enum value the fixture {@link MatrixQueryParams#holds(String, String...) holds}, some of
     *       org A's; an enum value or org A's own value must be answered 2xx, any other value below 500;</li>
     *   <li>when the operation has no path parameter, a person of an organisation that holds nothing
     *       ({@link MatrixFixture#emptyOrg()}) gets no rows: a JSON answer holds no object in any
     *       array (a summary's groups, a list's items), a CSV answer no line past its header, and
     *       none shows org A's or org B's data, and every number that counts or sums rows
     *       ({@link #countedNumbers}: totals.*, rowCount, rigCount) is zero. This sees a leak that
     *       carries no marker, such as another organisation's counts in a summary grouped by status
     *       or its rigs in the summary's totals (fresh review R-11c D1).</li>
     * </ul>
     */
    void foreignQuery(Cell cell) {
        MatrixOperation op = cell.operation();
        String param = cell.param();
        List<String> enumValues = op.queryEnums().get(param);
        List<String> values;
        Set<String> held;
        if (enumValues != null) {
            values = fixture.queryParams().inRotation(op, param) ? shareOf(cell, enumValues) : enumValues;
            held = fixture.queryParams().holds(op, param);
        } else {
            values = fixture.queryParams().filterValues(op, param);
            if (values == null) {
                String reason = fixture.queryParams().unfilteredReason(op, param);
                assertTrue(reason != null, cell + ": the SecurityTest's fixture gives no values for the query parameter "
                        + param + " (MatrixQueryParams.filter), nor says why it is not tried (MatrixQueryParams.unfiltered)");
                // the listing without it, by an organisation holding nothing too, is read by its FOREIGN_ROWS cells (R-11e D2)
                assumeTrue(false, cell + ": not tried: " + reason);
            }
            held = Set.of(values.get(0));
        }
        int mostPages = 0;
        for (String value : values) {
            String query = param + "=" + value;
            String path = withParam(fixture.path(op, Side.CALLER), param, value);
            boolean mustAnswer = enumValues != null || held.contains(value);
            List<String> pages = pages(cell, query, path, mustAnswer);
            if (held.contains(value)) {
                calls.assertShowsOwn(cell, "org A's " + query, String.join("\n", pages));
                mostPages = Math.max(mostPages, pages.size());
            }
            if (op.pathParams().isEmpty()) {
                Response empty = calls.send(calls.asMemberOf(op, cell.role(), fixture.emptyOrg(), path));
                assertTrue(empty.statusCode() < (mustAnswer ? 300 : 500), cell + ": an organisation holding nothing: "
                        + query + " answered " + empty.statusCode() + ": " + empty.asString());
                assertNoRows(cell, query, empty);
            }
        }
        if (op.pages() && fixture.queryParams().onePageReason(op, param) == null) {
            assertTrue(mostPages >= 2, cell + ": under no value of " + param + " that org A holds does its answer hold two"
                    + " rows, so no page 2 is read and a query that forgets the organisation past page 1 would not show (the"
                    + " fixture must hold two rows of org A under one value, or say why it cannot: MatrixQueryParams.onePage)");
        }
    }

    /**
     * The values of an enum parameter the fixture says every one of which orders the same rows
     * ({@link MatrixQueryParams#holdsEvery}: a sort) that the cell's role reads: each value by one of the
     * {@link MatrixCells#queryRoles} in turn (value i by role i mod their number), so every sort is read once, and
     * every role reads some (s20: getReconciliation's 24 sorts, each read by three roles, were a fifth of tariff's
     * matrix time).
     */
    private static List<String> shareOf(Cell cell, List<String> values) {
        List<String> roles = MatrixCells.queryRoles(cell.operation());
        int turn = roles.indexOf(cell.role());
        List<String> share = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (i % roles.size() == turn) {
                share.add(values.get(i));
            }
        }
        return share;
    }

    /**
     * Org A's answer under one query, as the text of each page it was read in: page 1 at the
     * contract's default page size, and for a keyset-paged read holding n &gt;= 2 rows there, every page
     * again at n - 1 rows a page, nextCursor followed to the last (at most {@link MatrixCalls#MAX_PAGES}),
     * so that page 2 is always read (fresh review R-11c D3: a query forgetting the organisation past
     * page 1 under a filter) at three calls whatever n is. Each page must be answered 2xx
     * ({@code mustAnswer}) or below 500, and show none of org B's data. Answers the pages of that
     * second walk (page 1 alone when there was none).
     */
    private List<String> pages(Cell cell, String query, String path, boolean mustAnswer) {
        MatrixOperation op = cell.operation();
        Response first = page(cell, "org A's " + query, path, mustAnswer);
        List<String> pages = new ArrayList<>(List.of(MatrixBodies.searched(first)));
        int rows = op.pages() && first.statusCode() < 300 ? rows(first) : 0;
        String cursor = op.pages() && first.statusCode() < 300 ? MatrixBodies.nextCursor(first) : null;
        if (rows < 2 && cursor == null) {
            return pages;
        }
        // a full default page goes on at its own size; else n - 1 rows a page
        String walk = cursor != null ? path : withParam(path, MatrixOperation.PAGE_SIZE, Integer.toString(rows - 1));
        pages.clear();
        cursor = null;
        do {
            assertTrue(pages.size() < MatrixCalls.MAX_PAGES, cell + ": org A's " + query + " has more than "
                    + MatrixCalls.MAX_PAGES + " pages");
            Response answer = page(cell, "org A's " + query + " page " + (pages.size() + 1) + (cursor == null ? "" : " of "
                    + walk), cursor == null ? walk : withParam(walk, MatrixOperation.CURSOR, cursor), mustAnswer);
            pages.add(MatrixBodies.searched(answer));
            cursor = answer.statusCode() < 300 ? MatrixBodies.nextCursor(answer) : null;
        } while (cursor != null);
        return pages;
    }

    /** One page of org A's answer, by the cell's role: 2xx ({@code mustAnswer}) or below 500, none of org B's data. */
    private Response page(Cell cell, String where, String path, boolean mustAnswer) {
        Response answer = calls.send(calls.asMemberOf(cell.operation(), cell.role(), fixture.callerOrg(), path));
        assertTrue(mustAnswer ? answer.statusCode() < 300 : answer.statusCode() < 500,
                cell + ": " + where + " answered " + answer.statusCode() + ": " + answer.asString());
        calls.assertShowsNoneOfOther(cell, where, MatrixBodies.searched(answer));
        return answer;
    }

    /** The rows of a page: the size of its first top-level array (items, rows); 0 for an answer that is no JSON object. */
    private static int rows(Response answer) {
        try {
            JsonNode json = JSON.readTree(answer.asString());
            for (JsonNode child : json) {
                if (child.isArray()) {
                    return child.size();
                }
            }
            return 0;
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    /** An answer to an organisation that holds nothing: no rows, none of org A's or org B's data. */
    void assertNoRows(Cell cell, String query, Response answer) {
        String text = MatrixBodies.text(answer);
        String searched = MatrixBodies.searched(answer);
        String what = cell + ": an organisation holding nothing, " + query + ", ";
        Stream.concat(fixture.otherMarkers().stream(), fixture.ownMarkers().stream()).forEach(marker ->
                assertTrue(!searched.contains(marker), what + "shows " + marker + ": " + searched));
        String type = answer.contentType() == null ? "" : answer.contentType();
        if (type.contains("json")) {
            try {
                JsonNode json = JSON.readTree(text);
                assertTrue(!holdsRows(json), what + "shows rows: " + text);
                List<String> counted = new ArrayList<>();
                countedNumbers(json, "", false, counted);
                assertTrue(counted.isEmpty(), what + "counts or sums rows it does not hold " + counted + ": " + text);
            } catch (JsonProcessingException e) {
                throw new AssertionError(what + "answers no JSON though it says " + type + ": " + text, e);
            }
        } else if (type.startsWith("text/csv")) {
            List<String> lines = Arrays.stream(text.split("\r?\n")).filter(l -> !l.isBlank()).collect(Collectors.toList());
            assertTrue(lines.size() <= 1, what + "shows rows past the header: " + text);
        } else if (type.startsWith("application/zip")) {
            // each CSV file of the archive (the CAPE files) holds no line past its header
            MatrixBodies.zipEntries(answer).forEach((name, content) -> {
                long lines = Arrays.stream(content.split("\r?\n")).filter(l -> !l.isBlank()).count();
                assertTrue(!name.endsWith(".csv") || lines <= 1, what + "shows rows past the header of " + name + ": " + content);
            });
        }
    }

    /**
     * Where a JSON answer counts or sums rows it should not hold (fresh review R-11c D1: a summary's
     * totals over every organisation showed no marker and no row): each number that is not zero,
     * as {@code path=value}, among the numbers under an object whose name speaks of totals, sums,
     * counts (not countries), summaries or figures ({@code totals.rigCount}, {@code totals.principal}) and the
     * numbers whose own name does ({@code rowCount}, {@code rigCount}). A money amount sent as
     * text ("0.00") counts as a number.
     *
     * @param counting whether the node lies under such an object
     * @param found    receives {@code path=value} of each such number that is not zero
     */
    static void countedNumbers(JsonNode node, String path, boolean counting, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> countedNumbers(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey(), counting || COUNTING.matcher(e.getKey()).matches(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                countedNumbers(node.get(i), path + "[" + i + "]", counting, found);
            }
        } else if (counting && amount(node) != null && amount(node).signum() != 0) {
            found.add(path + "=" + node.asText());
        }
    }

    /** A JSON number, or text holding only a decimal number, as a BigDecimal; else null. */
    private static BigDecimal amount(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && node.asText().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(node.asText());
        }
        return null;
    }

    /** Whether any array in the JSON holds an object (a row of a list, a group of a summary). */
    private static boolean holdsRows(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject() || holdsRows(element)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isObject()) {
            for (JsonNode child : node) {
                if (holdsRows(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The path with the query parameter set to the value (sent as it is), replacing any value the fixture's query gives it. */
    static String withParam(String path, String param, String value) {
        int q = path.indexOf('?');
        String base = q < 0 ? path : path.substring(0, q);
        String kept = q < 0 ? "" : Arrays.stream(path.substring(q + 1).split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith(param + "=")).collect(Collectors.joining("&"));
        return base + "?" + (kept.isEmpty() ? "" : kept + "&") + param + "=" + value;
    }
}
