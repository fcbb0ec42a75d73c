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
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON work of the matrix's cells: a field of a request body set to a value, answers made comparable. */
final class MatrixBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixBodies() {
    }

    /**
     * An answer made comparable: each value replaced by its name, a JSON answer without its
     * {@code instance} (the path called); other text as it is.
     */
    static Object comparable(Response answer, Map<String, String> values) {
        return comparable(masked(text(answer), values), answer.contentType());
    }

    /** The text with each value replaced by its name. */
    private static String masked(String text, Map<String, String> values) {
        // the longest first, so that a value holding another (SN...1 in SN...12) is masked whole
        List<Map.Entry<String, String>> longestFirst = new ArrayList<>(values.entrySet());
        longestFirst.sort((x, y) -> Integer.compare(y.getValue().length(), x.getValue().length()));
        for (Map.Entry<String, String> value : longestFirst) {
            text = text.replace(value.getValue(), value.getKey());
        }
        return text;
    }

    /**
     * What a service draws afresh for each thing it creates, so two creations answer it differently whatever
     * they were sent: a UUID, an RFC 3339 instant (registeredAt, createdAt) and an id drawn from a sequence
     * (letters, a dash and at least six digits: inventory's asset id RIG-000000012).
     */
    private static final Pattern GENERATED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
            + "|\\b[A-Z]{2,}-[0-9]{6,}\\b");

    /**
     * Asserts a creation sent with another organisation's value in a field ({@code foreign}) is answered
     * exactly like the same creation sent with a value naming nothing ({@code missing}), both 2xx (fresh
     * review R-11f D3: a natural key such as a serial number is unique within an organisation, so org B's
     * serial number registers org A's rig as a made-up one does, and says nothing of org B's): the same
     * body and headers once each side's own sent values are masked and what the service draws afresh for
     * each creation ({@link #GENERATED}: its new ids, Location, instants) is masked the same way on both sides,
     * as are the ETag's value and the properties the fixture names as drawn by each write of org A's
     * ({@link MatrixFixture#drawn}: an order's version, a rig's place on its order line), which the first of
     * the two writes moves on.
     *
     * @param missingValues the values the missing request sent that the foreign one did not (name: value)
     * @param foreignValues the foreign request's values, by the same names
     * @param drawn         JSON property names whose values each write draws afresh
     * @throws AssertionError saying {@code what}, with both answers
     */
    static void sameOnceMasked(Response missing, Map<String, String> missingValues, Response foreign,
            Map<String, String> foreignValues, Set<String> drawn, String what) {
        UnaryOperator<String> maskMissing = t -> GENERATED.matcher(masked(t, missingValues)).replaceAll("<generated>");
        UnaryOperator<String> maskForeign = t -> GENERATED.matcher(masked(t, foreignValues)).replaceAll("<generated>");
        assertEquals(withoutDrawn(comparable(maskMissing.apply(text(missing)), missing.contentType()), drawn),
                withoutDrawn(comparable(maskForeign.apply(text(foreign)), foreign.contentType()), drawn), what);
        boolean sameLength = missing.asByteArray().length == foreign.asByteArray().length;
        // the ETag: org A's resource (its order) is at the next version after the first of the two writes
        UnaryOperator<String> etag = t -> "<version>";
        Map<String, List<String>> a = headers(missing, sameLength, maskMissing);
        Map<String, List<String>> b = headers(foreign, sameLength, maskForeign);
        a.computeIfPresent("etag", (k, v) -> v.stream().map(etag).toList());
        b.computeIfPresent("etag", (k, v) -> v.stream().map(etag).toList());
        if (!a.equals(b)) {
            throw new AssertionError(what + ": its headers " + b + " differ from a value naming nothing's " + a);
        }
    }

    /**
     * The leaf values (strings and numbers, by path such as {@code rigs[0].serialNumber}) in which two JSON
     * request bodies differ: element 0 holds the first body's, element 1 the second's, by the same paths.
     */
    static List<Map<String, String>> differences(String first, String second) {
        Map<String, String> a = leaves(first);
        Map<String, String> b = leaves(second);
        Map<String, String> onlyA = new TreeMap<>();
        Map<String, String> onlyB = new TreeMap<>();
        a.forEach((path, value) -> {
            String other = b.get(path);
            if (other != null && !other.equals(value) && !value.isEmpty() && !other.isEmpty()) {
                onlyA.put(path, value);
                onlyB.put(path, other);
            }
        });
        return List.of(onlyA, onlyB);
    }

    private static Map<String, String> leaves(String body) {
        Map<String, String> found = new TreeMap<>();
        if (body == null) {
            return found;
        }
        try {
            collect(JSON.readTree(body), "", found);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body sent is no JSON: " + body, e);
        }
        return found;
    }

    private static void collect(JsonNode node, String path, Map<String, String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isValueNode() && !node.isNull()) {
            found.put(path, node.asText());
        }
    }

    /** The JSON answer with the value of each property named in {@code drawn}, at any depth, replaced by "<drawn>". */
    private static Object withoutDrawn(Object answer, Set<String> drawn) {
        if (answer instanceof JsonNode node && !drawn.isEmpty()) {
            replaceDrawn(node, drawn);
        }
        return answer;
    }

    private static void replaceDrawn(JsonNode node, Set<String> drawn) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (drawn.contains(name)) {
                    object.put(name, "<drawn>");
                } else {
                    replaceDrawn(object.get(name), drawn);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> replaceDrawn(element, drawn));
        }
    }

    /** The text made comparable: a JSON answer parsed, without its {@code instance}; other text as it is. */
    private static Object comparable(String text, String type) {
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
        return headers(answer, withLength, UnaryOperator.identity());
    }

    /** {@link #headers(Response, boolean)} with each value passed through {@code mask}. */
    private static Map<String, List<String>> headers(Response answer, boolean withLength, UnaryOperator<String> mask) {
        Map<String, List<String>> found = new TreeMap<>();
        answer.headers().forEach(h -> {
            String name = h.getName().toLowerCase(Locale.ROOT);
            boolean blank = PER_REQUEST.contains(name) || "content-length".equals(name) && !withLength;
            found.computeIfAbsent(name, n -> new ArrayList<>()).add(blank ? "*" : mask.apply(h.getValue()));
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
