package io.rigledger.testsupport;

import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Org B's answers to a set of reads kept by a cell ({@link MatrixCalls#snapshot}), by the role and reads, until a
 * write that may change org B's data ({@link #forget}); one per {@link MatrixFixture}, so kept across its cells.
 */
final class MatrixKeptAnswers {

    private final Map<String, List<Response>> kept = new ConcurrentHashMap<>();

    /** The answers kept under the key, or null. */
    List<Response> get(String key) {
        return kept.get(key);
    }

    void keep(String key, List<Response> answers) {
        kept.put(key, answers);
    }

    /**
     * Forgets every kept answer of org B's: called for each write sent by a caller that is not org A's person (org
     * B's, an admin's, the service account's, another organisation's) and each fresh value stored in org B's data.
     */
    void forget() {
        kept.clear();
    }
}
