package io.rigledger.platform.json;

import io.rigledger.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Found by the bad-input test: {"htsCode": null} was read as a field left out, and the order stored. */
class ExplicitNullsTest {

    private static ProblemException problem(String json) {
        return ExplicitNulls.problemOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"supplier\":null,\"lines\":[]}|supplier",
            "{\"supplier\":\"Bitmain\",\"lines\":[{\"model\":\"a\",\"htsCode\":null}]}|lines[0].htsCode",
            "{\"lines\":[{\"model\":\"a\"},null]}|lines[1]",
            "{\"tags\":[\"a\",null]}|tags[1]",
            "null|body"})
    void anExplicitNullIs400NamingWhereItStands(String json, String field) {
        ProblemException p = problem(json);
        assertEquals(400, p.status());
        assertEquals(field, p.violations().get(0).field());
        assertEquals(ExplicitNulls.MESSAGE, p.violations().get(0).message());
    }

    @Test
    void theTextNullInsideAStringIsNoNull() {
        assertNull(problem("{\"supplier\":\"null\",\"note\":\"null and void\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"supplier\":", "{\"a\":nul}", "[[[", "{\"a\":1}}"})
    void aBodyThatIsNotJsonIsLeftToTheBinding(String json) {
        assertNull(problem(json));
    }
}
