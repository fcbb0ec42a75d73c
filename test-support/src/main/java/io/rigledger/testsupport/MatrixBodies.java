package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON work of the matrix's cells: a field of a request body set to a value, answers made comparable. */
final class MatrixBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixBodies() {
    }

    /**
     * The body with one field set: {@code placements[].position.site} walks into the first element
     * of {@code placements}; the last name is created when the example leaves it out; an array of ids
     * gets the value as its first element. A number-shaped value replaces a number as a number.
     *
     * @throws AssertionError naming the field when the body has no object to hold it
     */
    static String with(String body, String field, boolean array, String value) {
        return edited(body, field, (holder, last) -> {
            boolean intoArray = last.endsWith("[]");
            String name = intoArray ? last.substring(0, last.length() - 2) : last;
            if (array || intoArray) {
                ArrayNode values = holder.get(name) instanceof ArrayNode existing ? existing : holder.putArray(name);
                if (values.isEmpty()) {
                    values.add(value);
                } else {
                    values.set(0, JSON.getNodeFactory().textNode(value));
                }
            } else if (holder.get(name) != null && holder.get(name).isNumber() && value.matches("-?[0-9]+")) {
                holder.put(name, Long.parseLong(value));
            } else {
                holder.put(name, value);
            }
        });
    }

    /** The body without one field (the last name of its path), e.g. a batch without its organisation. */
    static String without(String body, String field) {
        return edited(body, field, (holder, last) -> holder.remove(last.replace("[]", "")));
    }

    /** The body with {@code edit} done to the object holding the field's last name (given as the second argument). */
    private static String edited(String body, String field, BiConsumer<ObjectNode, String> edit) {
        try {
            JsonNode root = JSON.readTree(body == null ? "{}" : body);
            String[] names = field.split("\\.");
            JsonNode node = root;
            for (int i = 0; i < names.length - 1; i++) {
                node = step(node, names[i], field);
            }
            if (!(node instanceof ObjectNode holder)) {
                throw new AssertionError("the body sent has no object to hold " + field + ": " + body);
            }
            edit.accept(holder, names[names.length - 1]);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body sent is no JSON: " + body, e);
        }
    }

    private static JsonNode step(JsonNode node, String name, String field) {
        boolean intoArray = name.endsWith("[]");
        JsonNode next = node.get(intoArray ? name.substring(0, name.length() - 2) : name);
        if (intoArray) {
            next = next == null ? null : next.get(0);
        }
        if (next == null) {
            throw new AssertionError("the body sent has no " + name + " on the way to " + field
                    + ": give the fixture a body of org A that has it");
        }
        return next;
    }

    /**
     * An answer made comparable: each value replaced by its name, a JSON answer without its
     * {@code instance} (the path called); other text as it is.
     */
    static Object comparable(Response answer, Map<String, String> values) {
        String text = text(answer);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getValue(), value.getKey());
        }
        String type = answer.contentType();
        if (type == null || !type.contains("json")) {
            return text;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                object.remove("instance");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON though it says " + type + ": " + text, e);
        }
    }

    /**
     * Header names whose values legitimately differ between two requests: the date, a correlation or
     * trace id, and the rate limit's countdown (each request spends one, RFC draft-ietf-httpapi-ratelimit-headers).
     * Their names must still be the same.
     */
    private static final Set<String> PER_REQUEST = Set.of("date", "x-request-id", "x-correlation-id", "traceparent",
            "tracestate", "x-trace-id", "ratelimit-remaining", "ratelimit-reset");

    /**
     * Asserts two answers carry the same headers, names and values (names case-insensitive), so that
     * no header tells another organisation's id from a missing one (an existence oracle, fresh review
     * R-11b defect 2): the values of {@link #PER_REQUEST} headers aside, and Content-Length only when
     * the bodies differ in length (the instance names the path called, e.g. a longer id).
     *
     * @throws AssertionError naming the header that differs, with both answers' headers
     */
    static void sameHeaders(Response expected, Response actual, String what) {
        compareHeaders(expected, actual, what, "a missing one's");
    }

    /**
     * Asserts {@code foreign} is answered exactly like {@code missing}: the same body once each side's own ids
     * are masked ({@link #comparable}) and the same headers ({@link #sameHeaders}).
     *
     * @param missingIds the values the missing request sent (path parameter or field: value)
     * @param foreignIds the values the foreign request sent, in the same keys
     * @throws AssertionError saying {@code what} must be answered like the missing one
     */
    static void answeredLikeMissing(Response missing, Map<String, String> missingIds, Response foreign,
            Map<String, String> foreignIds, String what) {
        assertEquals(comparable(missing, missingIds), comparable(foreign, foreignIds), what);
        sameHeaders(missing, foreign, what);
    }

    /**
     * Asserts a read answers the same headers (names and values, {@link #PER_REQUEST} values aside, Content-Length
     * only when the bodies differ in length) before and after a write: org B's read after org A's own write must
     * not change, and a header that counts or names rows of every organisation (a total, the newest id) changes
     * with any organisation's write although no marker of org A's is in it (fresh review R-11f D2).
     *
     * @throws AssertionError naming what was read, with both answers' headers
     */
    static void unchangedHeaders(Response before, Response after, String what) {
        compareHeaders(before, after, what, "those before the write");
    }

    /** Both answers' headers by {@link #headers}; Content-Length compared only when the bodies are as long. */
    private static void compareHeaders(Response expected, Response actual, String what, String expectedName) {
        boolean sameLength = expected.asByteArray().length == actual.asByteArray().length;
        Map<String, List<String>> a = headers(expected, sameLength);
        Map<String, List<String>> b = headers(actual, sameLength);
        if (!a.equals(b)) {
            throw new AssertionError(what + ": its headers " + b + " differ from " + expectedName + " " + a);
        }
    }

    /** The answer's headers by lower-case name, values of per-request headers blanked, in a comparable form. */
    private static Map<String, List<String>> headers(Response answer, boolean withLength) {
        Map<String, List<String>> found = new TreeMap<>();
        answer.headers().forEach(h -> {
            String name = h.getName().toLowerCase(Locale.ROOT);
            boolean blank = PER_REQUEST.contains(name) || "content-length".equals(name) && !withLength;
            found.computeIfAbsent(name, n -> new ArrayList<>()).add(blank ? "*" : h.getValue());
        });
        found.values().forEach(Collections::sort);
        return found;
    }

    /** The answer's nextCursor, or null on the last page (or for an answer that pages no list). */
    static String nextCursor(Response answer) {
        String type = answer.contentType();
        if (type == null || !type.contains("json")) {
            return null;
        }
        try {
            JsonNode cursor = JSON.readTree(answer.asString()).get("nextCursor");
            return cursor == null || cursor.isNull() || cursor.asText().isEmpty() ? null : cursor.asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON though it says " + type + ": " + answer.asString(), e);
        }
    }

    /**
     * What a person could read in the answer, to search for another organisation's data: every header as
     * "name: value" lines (an id in a custom header, ETag, Location, Link or Content-Disposition leaks as
     * much as one in the body; fresh review R-11d D1), then {@link #text(Response)}.
     */
    static String searched(Response answer) {
        StringBuilder text = new StringBuilder();
        answer.getHeaders().forEach(h -> text.append(h.getName()).append(": ").append(h.getValue()).append('\n'));
        return text.append('\n').append(text(answer)).toString();
    }

    /** The answer as text; a ZIP archive (the CAPE files) as the text of its entries. */
    static String text(Response answer) {
        String type = answer.contentType();
        if (type == null || !type.startsWith("application/zip")) {
            return answer.asString();
        }
        StringBuilder text = new StringBuilder();
        zipEntries(answer).forEach((name, content) -> text.append(name).append('\n').append(content).append('\n'));
        return text.toString();
    }

    /** The entries of a ZIP archive answer, in order: name to UTF-8 text. */
    static Map<String, String> zipEntries(Response answer) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.asByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
