package io.rigledger.platform.http;

import io.rigledger.platform.problem.Problem;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Found by the bad-input test: ?limit= answered the default page, ?serialNumber=...%00 a 500 from
 * PostgreSQL, and %C0%AF in a filter a 200.
 */
class ParamValuesTest {

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Optional<Problem.Violation> query(String... pairs) {
        return ParamValues.problemOf(params(pairs), true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SMTTH%00|must not contain control characters",
            "%1BSMTTH|must not contain control characters",
            "SMTTH%C2%85|must not contain control characters",
            "SMTTH%C0%AF|must be percent-encoded UTF-8",
            "SMTTH%ED%A0%80|must be percent-encoded UTF-8",
            "SMTTH%FF|must be percent-encoded UTF-8",
            "SMTTH%E2%82|must be percent-encoded UTF-8",
            "SMTTH%G1|must be percent-encoded UTF-8",
            "SMTTH%|must be percent-encoded UTF-8"})
    void aValueThatIsNotCleanTextIsNamed(String value, String message) {
        assertEquals(Optional.of(new Problem.Violation("serialNumber", message)), query("limit", "10", "serialNumber", value));
    }

    @Test
    void anEmptyQueryValueIsNamedButAnEmptyCursorIsTheFirstPage() {
        assertEquals("limit", query("limit", "").orElseThrow().field());
        assertEquals("status", query("status", "DEPLOYED", "status", "").orElseThrow().field());
        assertEquals(Optional.empty(), query("limit", "10", "cursor", ""));
        assertEquals(Optional.empty(), query());
    }

    @Test
    void aQueryParameterGivenTwiceIsNamedInsteadOfSilentlyTakingTheFirst() {
        Optional<Problem.Violation> twice = ParamValues.problemOf(ParamValues.rawQuery("groupBy=site&limit=5&limit=6"), true);
        assertEquals("limit", twice.orElseThrow().field());
        assertEquals(Optional.empty(), ParamValues.problemOf(ParamValues.rawQuery("groupBy=site,status&limit=5"), true));
    }

    @Test
    void aValueOverTheLimitIsNamed() {
        assertEquals(Optional.of(new Problem.Violation("cursor", "must be at most " + ParamValues.MAX_LENGTH + " characters")),
                query("cursor", "a".repeat(ParamValues.MAX_LENGTH + 1)));
        assertEquals(Optional.empty(), query("cursor", "a".repeat(ParamValues.MAX_LENGTH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RIG-000000001", "antminer-s21-xp", "%C3%A9t%C3%A9", "a%20b", "%F0%9F%98%80"})
    void cleanTextPasses(String value) {
        assertEquals(Optional.empty(), ParamValues.problemOf(params("id", value), false));
    }

    @Test
    void anEmptyPathValueIsLeftToTheRouting() {
        assertEquals(Optional.empty(), ParamValues.problemOf(params("id", ""), false));
    }

    @Test
    void theRawQueryIsReadAsSent() {
        MultivaluedMap<String, String> q = ParamValues.rawQuery("limit=&site=A%00&cursor&a%20b=1&&x=%C0%AF");
        assertEquals(List.of(""), q.get("limit"));
        assertEquals(List.of("A%00"), q.get("site"));
        assertEquals(List.of(""), q.get("cursor"));
        assertEquals(List.of("1"), q.get("a b"));
        assertEquals(List.of("%C0%AF"), q.get("x"));
    }

    @Test
    void aBadPathSegmentIsNamedAfterItsParameter() {
        MultivaluedMap<String, String> decoded = params("site", "SITE\u0000");
        assertEquals(Optional.of(new Problem.Violation("site", "must not contain control characters")),
                ParamValues.pathProblem("/api/sites/SITE%00/racks", decoded));
        assertEquals(Optional.of(new Problem.Violation("code", "must be percent-encoded UTF-8")),
                ParamValues.pathProblem("/api/plants/AB%C0%AF", params("code", "AB\ufffd\ufffd")));
        assertEquals(Optional.empty(), ParamValues.pathProblem("/api/rigs/RIG-000000001", params("id", "RIG-000000001")));
    }
}
