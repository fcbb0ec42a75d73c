package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixCalls.Request;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The matrix's cells for what a service keeps between calls (fresh review R-11f D1: the fleet summary
 * cached under the organisation's version without the organisation): two fresh organisations, the
 * twins, made the same writes with values of their own ({@link MatrixFixture#twins}), so whatever an
 * answer is cached or keyed by (a version, a count of rows, a query) is the same for both but their
 * data differs. Each reads every org-scoped read without a path parameter, in turn, and must get the
 * same answer once each one's own values are masked: an answer kept for one organisation and given to
 * the other shows the first one's values where the second's belong.
 */
final class MatrixTwinCalls {

    /** The two twins: their organisations and the values each one's writes stored (by name). */
    record Twins(String first, Map<String, String> firstValues, String second, Map<String, String> secondValues) {
    }

    private final MatrixCalls calls;
    private final MatrixFixture fixture;
    private final Twins twins;

    MatrixTwinCalls(MatrixCalls calls, MatrixFixture fixture, Twins twins) {
        this.calls = calls;
        this.fixture = fixture;
        this.twins = twins;
    }

    /**
     * Makes the twins: the fixture's writes in two fresh organisations, one after the other.
     *
     * @throws AssertionError when the fixture gives no writes (every service with an org-scoped read
     *                        without a path parameter gives some)
     */
    static Twins make(MatrixFixture fixture) {
        if (fixture.twinWrites() == null) {
            throw new AssertionError("the SecurityTest's fixture gives no writes for two organisations at the same"
                    + " version with other data (MatrixFixture.twins)");
        }
        String first = "matrix-d-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String second = "matrix-e-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new Twins(first, named(first, fixture.twinWrites().apply(first)),
                second, named(second, fixture.twinWrites().apply(second)));
    }

    /** The values a twin's writes stored, plus its organisation's name (its people's names hold it). */
    private static Map<String, String> named(String org, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("<organisation>", org);
        return all;
    }

    /**
     * The read as it is (with the fixture's query) and under each value of each enum query parameter the
     * fixture's query does not set, each by a person of each twin in turn (the first, the second, the first
     * again): each answer equals the other twin's once its own values and what a service draws afresh
     * (ids, instants) are masked, headers included.
     */
    void alike(Cell cell) {
        MatrixOperation op = cell.operation();
        String query = fixture.query(op);
        List<String> queries = new ArrayList<>();
        queries.add(query);
        op.queryEnums().forEach((name, values) -> {
            if (query == null || !query.contains(name + "=")) {
                values.forEach(v -> queries.add((query == null ? "" : query + "&") + name + "=" + v));
            }
        });
        Set<String> drawn = Set.of();
        for (String q : queries) {
            String path = q == null ? op.pathTemplate() : op.pathTemplate() + "?" + q;
            Response first = read(op, path, cell.role(), twins.first());
            Response second = read(op, path, cell.role(), twins.second());
            Response again = read(op, path, cell.role(), twins.first());
            assertEquals(first.statusCode(), second.statusCode(), cell + " at " + path + ": " + second.asString());
            String what = cell + " at " + path + ": after the same writes with values of its own, organisation "
                    + twins.second() + " must read what " + twins.first() + " reads, each one's values aside";
            MatrixBodies.sameOnceMasked(first, twins.firstValues(), second, twins.secondValues(), drawn, what);
            MatrixBodies.sameOnceMasked(second, twins.secondValues(), again, twins.firstValues(), drawn, what);
        }
    }

    private Response read(MatrixOperation op, String path, String role, String org) {
        return calls.send(new Request(op, path, SecurityMatrix.memberOf(role, org)));
    }
}
