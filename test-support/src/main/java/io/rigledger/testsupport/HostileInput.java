package io.rigledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The malformed requests that once got through or answered 500 (duplicated keys, control
 * characters, far or loose dates, coerced scalars, content after the document, overlong UTF-8,
 * bodies that are not JSON), each kind sent in all its forms to one operation of a service, and
 * every answer held to a 4xx problem+json naming the field, validated against the contract. A
 * service's test names its operation, a valid body and which of its fields are text, numbers and
 * dates; {@link HttpLimitsCheck} covers what the HTTP layer refuses.
 *
 * @param contract the service's contract file
 * @param token    a token allowed to call the operation
 * @param json     a body the operation accepts (e.g. the contract's example)
 */
public record HostileInput(String contract, String token, String method, String path, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@raw-value@@";

    /** A key written twice in one object is 400 naming it, wherever it is. */
    public void duplicatedKeysAre400NamingThem(String... fields) {
        for (String field : fields) {
            String value = JSON_TEXT.apply(at(field));
            String body = withRaw(field, "\"" + RAW + "\"").replace("\"" + last(field) + "\":\"" + RAW + "\"",
                    "\"" + last(field) + "\":" + value + ",\"" + last(field) + "\":" + value);
            namesField(send(body, "application/json"), field, "duplicated " + field);
        }
    }

    /** Text fields refuse NUL and every other control character, and unpaired surrogates. */
    public void controlCharactersInTextAre400(String textField) {
        for (String escaped : List.of("\\u0000", "\\u0001", "\\u0007", "\\u001f", "\\u007f", "\\u0085", "\\n", "\\t",
                "\\ud800")) {
            namesField(send(withRaw(textField, "\"Bit" + escaped + "main\""), "application/json"), textField, escaped);
        }
    }

    /**
     * A date is exactly YYYY-MM-DD inside the platform's range: no whitespace, NUL, time, sign,
     * five-digit or far year (PostgreSQL cannot hold -999999999-01-01), no impossible day, no number.
     */
    public void loosePastOrFarDatesAre400(String dateField) {
        for (String date : List.of("\"2026-12-15 \"", "\" 2026-12-15\"", "\"2026-12-15\\n\"", "\"2026-12-15\\u0000\"",
                "\"2026-03-02T00:00:00Z\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"-4713-01-01\"",
                "\"+5874898-01-01\"", "\"10000-01-01\"", "\"+10000-01-01\"", "\"2026-02-30\"", "\"1899-12-31\"",
                "\"\"", "20261215", "true")) {
            namesField(send(withRaw(dateField, date), "application/json"), dateField, date);
        }
    }

    /** No JSON scalar turns into another: not true or 123 into text, not "123" or 1.5 into a whole number. */
    public void scalarsAreNotCoerced(String textField, String wholeNumberField) {
        for (String value : List.of("true", "123", "1.5", "[\"x\"]", "{}")) {
            namesField(send(withRaw(textField, value), "application/json"), textField, value);
        }
        if (wholeNumberField != null) {
            for (String value : List.of("\"123\"", "\" 1\"", "\"1e3\"", "1.5", "1e3", "true", "99999999999")) {
                namesField(send(withRaw(wholeNumberField, value), "application/json"), wholeNumberField, value);
            }
        }
    }

    /** Content after the JSON document (a second document, a stray brace, text) is refused. */
    public void contentAfterTheDocumentIs400() {
        for (String trailing : List.of(json, "}", "xyz", "[]")) {
            Response answer = send(json + trailing, "application/json");
            problem(answer, 400, "trailing " + trailing);
        }
    }

    /** Overlong UTF-8 (C0 AF for '/') is refused, never decoded. */
    public void overlongUtf8Is400(String textField) {
        byte[] body = withRaw(textField, "\"ab@@cd\"").getBytes(StandardCharsets.UTF_8);
        List<Byte> bytes = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '@' && i + 1 < body.length && body[i + 1] == '@') {
                bytes.add((byte) 0xC0);
                bytes.add((byte) 0xAF);
                i++;
            } else {
                bytes.add(body[i]);
            }
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = bytes.get(i);
        }
        Response answer = request().contentType("application/json").body(raw).request(method, path);
        problem(answer, 400, "overlong UTF-8");
    }

    /** A body without a Content-Type, or of any type but UTF-8 JSON, is 415 and is not read. */
    public void bodiesThatAreNotJsonAre415() {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer untyped = RawHttp.exchange(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
        assertEquals(415, untyped.status(), "no Content-Type: " + untyped.body());
        assertEquals("application/problem+json", untyped.header("Content-Type"));
        for (String type : List.of("text/plain", "application/xml", "text/csv",
                "application/json; charset=ISO-8859-1")) {
            problem(send(json, type), 415, type);
        }
    }

    /**
     * A list's {@code limit} is ASCII digits from 1 to 1000 and its {@code cursor} one it issued,
     * at most 200 characters: anything else is 400 naming the parameter.
     */
    public static void badLimitsAndCursorsAre400(String contract, String token, String listPath) {
        for (String limit : List.of("ten", "-1", "0", "1001", "99999", "2147483648", "\uFF11\uFF10", "\u0661\u0660",
                " 10", "1e2")) {
            Response answer = given().filter(Contract.responses(contract)).auth().oauth2(token)
                    .queryParam("limit", limit).get(listPath);
            namesField(answer, "limit", "limit=" + limit);
        }
        for (String cursor : List.of("a".repeat(201), "a".repeat(10_000), "bm90LWEtY3Vyc29y", "not base64!")) {
            Response answer = given().filter(Contract.responses(contract)).auth().oauth2(token)
                    .queryParam("cursor", cursor).get(listPath);
            namesField(answer, "cursor", "cursor of " + cursor.length());
        }
    }

    private Response send(String body, String contentType) {
        return request().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).request(method, path);
    }

    private RequestSpecification request() {
        return given().filter(Contract.responses(contract)).auth().oauth2(token);
    }

    private static void namesField(Response answer, String field, String what) {
        problem(answer, 400, what);
        List<String> fields = answer.jsonPath().getList("violations.field");
        assertTrue(fields != null && fields.contains(field), what + ": expected a violation of " + field + ", got "
                + answer.asString());
    }

    private static void problem(Response answer, int status, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.asString());
        assertEquals("application/problem+json", answer.contentType(), what);
        assertEquals(status, answer.jsonPath().getInt("status"), what);
    }

    /** The body with the value at {@code field} (e.g. lines[0].model) replaced by raw JSON text. */
    String withRaw(String field, String rawJson) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode parent = root;
            String[] steps = field.replace("[", ".[").split("\\.");
            for (int i = 0; i < steps.length - 1; i++) {
                parent = step(parent, steps[i]);
            }
            String last = steps[steps.length - 1];
            if (last.startsWith("[")) {
                ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), RAW);
            } else {
                ((ObjectNode) parent).put(last, RAW);
            }
            return JSON.writeValueAsString(root).replace("\"" + RAW + "\"", rawJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode at(String field) {
        try {
            JsonNode node = JSON.readTree(json);
            for (String step : field.replace("[", ".[").split("\\.")) {
                node = step(node, step);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        JsonNode next = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                : node.get(step);
        if (next == null) {
            throw new IllegalArgumentException("the valid body has no " + step);
        }
        return next;
    }

    private static String last(String field) {
        String[] steps = field.split("\\.");
        return steps[steps.length - 1];
    }

    private static final java.util.function.Function<JsonNode, String> JSON_TEXT = node -> {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
}
