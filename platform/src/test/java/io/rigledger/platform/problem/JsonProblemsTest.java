package io.rigledger.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.json.AllowsLineBreaks;
import io.rigledger.platform.json.StrictJson;
import io.rigledger.platform.json.StrictText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a JSON body fails under StrictJson, and the 400 each one becomes (field named as written). */
class JsonProblemsTest {

    record Line(String model, Integer quantity, BigDecimal unitPrice, Boolean confirmed) {
    }

    record Order(String supplier, LocalDate expectedEntryDate, List<Line> lines, @AllowsLineBreaks String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        StrictJson.customize(JSON, LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31));
    }

    private static final String LINE = "{\"model\":\"antminer-s21\",\"quantity\":1,\"unitPrice\":3100.00,\"confirmed\":true}";

    private static String order(String supplier, String date, String line) {
        return "{\"supplier\":" + supplier + ",\"expectedEntryDate\":" + date + ",\"lines\":[" + LINE + "," + line + "]}";
    }

    private static ProblemException problem(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Order.class));
        return InputMappers.problemOf(e);
    }

    private static void assertNames(String field, String json) {
        ProblemException p = problem(json);
        assertEquals(400, p.status(), p.getMessage());
        assertEquals(field, p.violations() == null ? "(none)" : p.violations().get(0).field(), p.getMessage());
    }

    @Test
    void aWellFormedOrderReads() throws Exception {
        Order order = JSON.readValue(order("\"Bitmain\"", "\"2026-12-15\"", LINE), Order.class);
        assertEquals(LocalDate.of(2026, 12, 15), order.expectedEntryDate());
        assertEquals(new BigDecimal("3100.00"), order.lines().get(1).unitPrice());
    }

    @Test
    void aDuplicatedKeyIs400NamingIt() {
        assertNames("expectedEntryDate",
                "{\"supplier\":\"Bitmain\",\"expectedEntryDate\":\"2026-12-15\",\"expectedEntryDate\":\"2026-12-15\",\"lines\":[]}");
        assertNames("lines[1].quantity", order("\"Bitmain\"", "\"2026-12-15\"",
                "{\"model\":\"a\",\"quantity\":1,\"quantity\":2}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "123", "1.5", "[\"Bitmain\"]", "{}"})
    void onlyAJsonStringIsText(String supplier) {
        assertNames("supplier", order(supplier, "\"2026-12-15\"", LINE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"quantity\":\"123\"}|lines[1].quantity",
            "{\"quantity\":\" 1\"}|lines[1].quantity",
            "{\"quantity\":\"1e3\"}|lines[1].quantity",
            "{\"quantity\":1.5}|lines[1].quantity",
            "{\"quantity\":1e3}|lines[1].quantity",
            "{\"quantity\":true}|lines[1].quantity",
            "{\"quantity\":99999999999}|lines[1].quantity",
            "{\"unitPrice\":\"3100.00\"}|lines[1].unitPrice",
            "{\"unitPrice\":true}|lines[1].unitPrice",
            "{\"confirmed\":\"true\"}|lines[1].confirmed",
            "{\"confirmed\":1}|lines[1].confirmed",
            "{\"discount\":5}|lines[1].discount"})
    void noScalarIsCoercedAndUnknownPropertiesAreRefused(String line, String field) {
        assertNames(field, order("\"Bitmain\"", "\"2026-12-15\"", line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-15 \"", "\" 2026-12-15\"", "\"2026-12-15\\n\"", "\"2026-12-15\\u0000\"",
            "\"2026-03-02T00:00:00Z\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"-4713-01-01\"",
            "\"+5874898-01-01\"", "\"10000-01-01\"", "\"+10000-01-01\"", "\"2026-02-30\"", "\"2026-13-01\"",
            "\"2026-02-29\"", "\"2100-02-29\"", "\"2026-04-31\"", "\"2026-00-10\"", "\"2026-01-00\"", "\"2026-1-015\"",
            "\"1899-12-31\"", "\"2200-01-01\"", "\"\"", "20261215", "\"15/12/2026\"", "\"\\uff12026-12-15\""})
    void onlyExactlyYyyyMmDdInsideTheRangeIsADate(String date) {
        assertNames("expectedEntryDate", order("\"Bitmain\"", date, LINE));
    }

    @Test
    void aDayThatIsNotOnTheCalendarSaysSoAndLeapDaysAreDays() throws Exception {
        assertEquals("must be a real calendar date (YYYY-MM-DD)",
                problem(order("\"Bitmain\"", "\"2027-02-29\"", LINE)).violations().get(0).message());
        assertEquals(LocalDate.of(2028, 2, 29), JSON.readValue(order("\"Bitmain\"", "\"2028-02-29\"", LINE), Order.class)
                .expectedEntryDate());
        assertEquals(LocalDate.of(2000, 2, 29), JSON.readValue(order("\"Bitmain\"", "\"2000-02-29\"", LINE), Order.class)
                .expectedEntryDate());
    }

    @Test
    void aDateOutOfRangeSaysTheRange() {
        assertEquals("must be a date from 1900-01-01 to 2199-12-31",
                problem(order("\"Bitmain\"", "\"1899-12-31\"", LINE)).violations().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\n", "\\t", "\\u007f", "\\u0085", "\\ud800", "x\\udc00"})
    void textRefusesControlCharactersAndUnpairedSurrogates(String escaped) {
        assertNames("supplier", order("\"Bit" + escaped + "main\"", "\"2026-12-15\"", LINE));
        assertNames("lines[1].model", order("\"Bitmain\"", "\"2026-12-15\"", "{\"model\":\"s" + escaped + "\"}"));
    }

    @Test
    void aFieldMarkedForLineBreaksTakesThemButNoOtherControlCharacter() throws Exception {
        String json = "{\"supplier\":\"Bitmain\",\"expectedEntryDate\":\"2026-12-15\",\"lines\":[],\"note\":\"%s\"}";
        assertEquals("two\r\nlines\tand a tab", JSON.readValue(json.formatted("two\\r\\nlines\\tand a tab"), Order.class).note());
        assertNames("note", json.formatted("nul\\u0000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"}", "xyz", "{}", "[]", " 1"})
    void contentAfterTheDocumentIsRefused(String trailing) {
        ProblemException p = problem(order("\"Bitmain\"", "\"2026-12-15\"", LINE) + trailing);
        assertEquals(400, p.status());
    }

    @Test
    void twoConcatenatedDocumentsNameTheBody() {
        String one = order("\"Bitmain\"", "\"2026-12-15\"", LINE);
        assertEquals("body", problem(one + one).violations().get(0).field());
    }

    @Test
    void syntaxErrorsAreMalformedWithTheirPosition() {
        ProblemException p = problem("{\"supplier\": \"Bitmain\" \"lines\": []}");
        assertEquals("https://rigledger.io/problems/malformed", p.kind().type());
        assertTrue(p.getMessage().startsWith("the body is not valid JSON (line 1, column"), p.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"supplier\": \"Bitmain\", \"lines\": [", "{\"supplier\": \"Bitm", "{", "{\"lines\":[{\"model\":"})
    void aTruncatedBodyIsMalformed(String truncated) {
        ProblemException p = problem(truncated);
        assertEquals(400, p.status());
        assertEquals("https://rigledger.io/problems/malformed", p.kind().type(), p.getMessage());
    }

    @Test
    void deepNestingIsMalformedNotAStackOverflow() {
        String deep = "{\"supplier\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals(400, problem(deep).status());
    }

    record Registration(UUID purchaseOrderId) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40\\u0000\"", "\" 3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40\"",
            "\"3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40\\u001b\"", "\"3f2a6c1e8b4d4e7a9c1f2d5e8a7b6c40\"",
            "\"PypsHouLTnqcHy1eintsQA==\"", "\"{3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40}\"", "\"\"", "42"})
    void onlyACanonicalUuidIsAUuid(String value) {
        // found by the bad-input test: Jackson trimmed "<uuid>\u0000" to the UUID and rigs were registered
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"purchaseOrderId\":" + value + "}", Registration.class));
        ProblemException p = InputMappers.problemOf(e);
        assertEquals("purchaseOrderId", p.violations().get(0).field(), p.getMessage());
    }

    @Test
    void aCanonicalUuidInEitherCaseReads() throws Exception {
        assertEquals(UUID.fromString("3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40"),
                JSON.readValue("{\"purchaseOrderId\":\"3F2A6C1E-8B4D-4E7A-9C1F-2D5E8A7B6C40\"}", Registration.class).purchaseOrderId());
    }

    @Test
    void textOverTheLimitIsRefusedBeforeAnyPatternSeesIt() {
        // found by the bad-input test: a 1M-character model code overflowed the stack in @Pattern (500)
        String tooLong = "\"" + "a-".repeat(StrictText.MAX_LENGTH / 2) + "a\"";
        ProblemException p = problem(order(tooLong, "\"2026-12-15\"", LINE));
        assertEquals("supplier", p.violations().get(0).field());
        assertEquals("must be at most 4096 characters", p.violations().get(0).message());
        assertNames("lines[1].model", order("\"Bitmain\"", "\"2026-12-15\"",
                "{\"model\":\"" + "x".repeat(1_000_000) + "\"}"));
    }

    @Test
    void nullsAreLeftOutOfAnswers() throws Exception {
        assertEquals("{\"supplier\":\"Bitmain\",\"lines\":[]}", JSON.writeValueAsString(new Order("Bitmain", null, List.of(), null)));
    }
}
