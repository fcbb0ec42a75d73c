package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.rigledger.testsupport.MatrixCalls.Request;
import io.rigledger.testsupport.SecurityMatrix.Cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The matrix's cells for what a service keeps between calls and for counts and sums that are no marker
 * (fresh review R-11f D1: the fleet summary cached under the organisation's version without the
 * organisation; R-11h D3: a rack's {@code occupied} counted over racks of the same codes in any
 * organisation, a site's power summed by site code): three fresh organisations, the twins, made the same
 * writes ({@link MatrixFixture#twins()}). The first two use values of their own (codes, serial numbers,
 * names), so whatever an answer is cached or keyed by (a version, a count of rows, a query) is the same for
 * both but their data differs; the third, the sharer, uses the first one's natural keys (its site and rack
 * codes, serial numbers, MAC: each organisation's own names, which another may use too). Each reads every
 * org-scoped read (a list, summary or export, and each read of one resource at its own path values, which its
 * writes give under the path's key) and makes every org-scoped write at a path (in turn, the same write, so
 * they stay alike), and all must answer the same once each one's own values and what a service draws afresh
 * are masked: an answer kept for one organisation and given to another shows the first one's values where the
 * second's belong, and a count or sum over "the same codes in any organisation" counts the sharer's rows in the
 * first twin's answer (and the first's in the sharer's) but not in the second's, so the first and second differ.
 * Why a sharer rather than org A's and org B's fixture (where org B also uses org A's codes): a count is no
 * marker, and only two organisations that made the same writes can be expected to answer the same number.
 */
final class MatrixTwinCalls {

    /** One twin: its organisation, the values its writes stored (by name, its path values under the path's key). */
    record Twin(String org, Map<String, String> values) {
    }

    /** The twins: the first, the second (values of its own) and, where the fixture shares keys, the sharer. */
    record Twins(List<Twin> all) {
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
     * Makes the twins: the fixture's writes in three fresh organisations, one after the other; the third is
     * given the first one's values to reuse its natural keys.
     *
     * @throws AssertionError when the fixture gives no writes (every service with an org-scoped read gives some)
     */
    static Twins make(MatrixFixture fixture) {
        if (fixture.twins().writes() == null) {
            throw new AssertionError("the SecurityTest's fixture gives no writes for organisations at the same"
                    + " version with other data (MatrixTwinFixture.writes)");
        }
        Twin first = twin(fixture, "matrix-d-", Map.of());
        Twin second = twin(fixture, "matrix-e-", Map.of());
        Twin sharer = twin(fixture, "matrix-f-", first.values());
        return new Twins(List.of(first, second, sharer));
    }

    private static Twin twin(MatrixFixture fixture, String prefix, Map<String, String> like) {
        String org = prefix + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> all = new LinkedHashMap<>(fixture.twins().writes().make(org, like));
        // its people's names hold the organisation's name
        all.put("<organisation>", org);
        return new Twin(org, all);
    }

    /**
     * A read as it is (with the fixture's query) and, for a read without a path parameter, under each value of
     * each enum query parameter the fixture's query does not set, each by a person of each twin in turn (the
     * first, the second, the sharer, the first again); a write at a path, once by each twin in turn, with the
     * fixture's twin body ({@link MatrixTwinFixture#body(String, java.util.function.Function) body}, else the contract's example) and each one's current
     * ETag where it takes If-Match. Each answer equals the next twin's once its own values and what a service
     * draws afresh (ids, instants) are masked, headers included.
     */
    void alike(Cell cell, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        String query = fixture.query(op);
        List<String> queries = new ArrayList<>();
        queries.add(query);
        if (op.isRead() && op.pathParams().isEmpty()) {
            op.queryEnums().forEach((name, values) -> {
                if (query == null || !query.contains(name + "=")) {
                    values.forEach(v -> queries.add((query == null ? "" : query + "&") + name + "=" + v));
                }
            });
        }
        List<Twin> order = new ArrayList<>(twins.all());
        if (op.isRead()) {
            order.add(twins.all().get(0));
        }
        for (String q : queries) {
            List<Response> answers = new ArrayList<>();
            for (Twin t : order) {
                answers.add(call(cell, t, q, reads));
            }
            for (int i = 1; i < order.size(); i++) {
                Twin a = order.get(i - 1);
                Twin b = order.get(i);
                String what = cell + " with " + q + ": after the same writes, organisation " + b.org() + " must be answered"
                        + " what " + a.org() + " is, each one's values aside (" + (b == twins.all().get(2) || a == twins.all().get(2)
                        ? "the sharer uses the first twin's codes: a count or sum over the same codes in any organisation differs"
                        : "an answer kept for one organisation and given to another shows the first one's values") + ")";
                assertEquals(answers.get(i - 1).statusCode(), answers.get(i).statusCode(), what + ": " + a.org() + " got "
                        + answers.get(i - 1).asString() + ", " + b.org() + " " + answers.get(i).asString());
                MatrixBodies.sameOnceMasked(answers.get(i - 1), a.values(), answers.get(i), b.values(), Set.of(), what);
            }
        }
    }

    /** One twin's call of the operation at its own path values, with the query (may be null). */
    private Response call(Cell cell, Twin twin, String query, List<MatrixOperation> reads) {
        MatrixOperation op = cell.operation();
        String path = path(op, twin) + (query == null ? "" : "?" + query);
        String token = SecurityMatrix.memberOf(cell.role(), twin.org());
        if (op.isRead()) {
            return calls.send(new Request(op, path, token));
        }
        Request write = new Request(op, path, token).json(fixture.twins().body(op, twin.values()));
        if (op.ifMatch()) {
            write = write.header("If-Match", etag(cell, twin, reads));
        }
        return calls.send(write);
    }

    /** The twin's path of the operation: each path parameter's value its writes gave under the key, else a shared one. */
    private String path(MatrixOperation op, Twin twin) {
        String path = op.pathTemplate();
        for (String key : op.idKeys()) {
            String value = twin.values().get(key);
            if (value == null) {
                value = fixture.sharedId(key);
            }
            if (value == null) {
                throw new AssertionError(op + ": the twins' writes (MatrixTwinFixture.writes) give no value of " + key
                        + ": answer each twin's own resource under that key, so the operation is read or written by each");
            }
            path = path.replace(key.substring(key.lastIndexOf('{')), value);
        }
        return path;
    }

    /** The twin's resource's current ETag, from the nearest read at or above the write's path that sends one. */
    private String etag(Cell cell, Twin twin, List<MatrixOperation> reads) {
        String path = cell.operation().pathTemplate();
        for (MatrixOperation read : reads) {
            Response answer = calls.send(new Request(read, path(read, twin),
                    SecurityMatrix.person(read.personRoles().get(0), twin.org())));
            if (answer.header("ETag") != null) {
                return answer.header("ETag");
            }
        }
        throw new AssertionError(cell + ": it takes If-Match but no read above " + path + " sends an ETag");
    }
}
