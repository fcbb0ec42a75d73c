package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bodies that are not JSON, not UTF-8, or not sent as JSON, built from the operation's good
 * example so that everything but the one fault is right: truncated documents, content after the
 * document, a key twice, nesting 10,000 deep, invalid UTF-8 (overlong C0 AF, stray continuation
 * bytes, encoded surrogates, cut sequences) inside strings and keys, UTF-16, and wrong or missing
 * Content-Type.
 */
final class RawBodies {

    /** Byte sequences that are not UTF-8 (RFC 3629), by name. */
    static final SortedMap<String, String> INVALID_UTF8 = new TreeMap<>(Map.ofEntries(
            Map.entry("overlong2", "C0AF"), Map.entry("overlong2max", "C1BF"), Map.entry("overlong3", "E080AF"),
            Map.entry("overlong4", "F08080AF"), Map.entry("continuation", "80"), Map.entry("continuationBF", "BF"),
            Map.entry("byteFE", "FE"), Map.entry("byteFF", "FF"), Map.entry("cut3", "E282"), Map.entry("cut4", "F09F98"),
            Map.entry("surrogate", "EDA080"), Map.entry("lowSurrogate", "EDBFBF"), Map.entry("beyond10FFFF", "F4908080"),
            Map.entry("fiveByte", "F888808080"), Map.entry("latin1", "E9")));

    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16", "application/jsonx", "json", "application/octet-stream", "text/json",
            "application/json;charset=", "*/*", "application/*", "text/html; charset=utf-8");

    private final FuzzOperation op;
    private final BodySlots slots;
    private final String good;

    RawBodies(FuzzOperation op, BodySlots slots) {
        this.op = op;
        this.slots = slots;
        this.good = JsonValues.write(op.bodyExample());
    }

    /** Every systematic fault of syntax, encoding and media type. */
    List<BadRequest> systematic() {
        List<BadRequest> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            out.add(truncated(good.length() * i / 11));
        }
        out.add(truncated(good.length() - 1));
        out.add(syntax("json.empty", "body", ""));
        out.add(syntax("json.whitespace", "body", " \r\n\t "));
        for (String tail : List.of("}", "]", "xyz", " 1", good, ",", "\u0000")) {
            out.add(syntax("json.trailing", "body", good + tail));
        }
        for (String bad : List.of("<rig/>", "a=b&c=d", "{'a':1}", "{a:1}", "/* c */" + good, "// c\n" + good,
                "NaN", "undefined", good.replace("\"", "'"), good.substring(0, good.length() - 1) + ",}")) {
            out.add(syntax("json.notJson", "body", bad));
        }
        int strings = 0;
        List<String> sequences = List.copyOf(INVALID_UTF8.keySet());
        for (int i = 0; i < slots.slots().size(); i++) {
            BodySlots.Slot slot = slots.slots().get(i);
            if (slot.property() != null && slot.current() != null) {
                out.add(syntax("json.duplicateKey", slot.field(), withDuplicate(slot, i % 2 == 1)));
            }
            if (slot.current() != null && slot.current().isTextual()) {
                // every string gets the overlong C0 AF and a NUL byte; the other sequences take turns
                out.add(raw("utf8.overlong2", slot.field(), slots.with(slot, inString(slot, INVALID_UTF8.get("overlong2")))));
                out.add(raw("utf8.nulByte", slot.field(), slots.with(slot, inString(slot, "00"))));
                for (int k = 0; k < sequences.size(); k++) {
                    if ((k + strings) % 4 == 0 && !"overlong2".equals(sequences.get(k))) {
                        String seq = sequences.get(k);
                        out.add(raw("utf8." + seq, slot.field(), slots.with(slot, inString(slot, INVALID_UTF8.get(seq)))));
                    }
                }
                strings++;
            }
        }
        out.add(syntax("json.deepArray", "body", "[".repeat(10_000) + "]".repeat(10_000)));
        out.add(syntax("json.deepObject", "body", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        out.add(syntax("json.deepArray", "body", "[".repeat(1_001) + "]".repeat(1_001)));
        if (!slots.slots().isEmpty()) {
            BodySlots.Slot first = slots.slots().get(0);
            out.add(raw("json.deep", first.field(), slots.with(first,
                    ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8))));
        }
        out.add(raw("utf8.keyOverlong", "body", keyWith("C0AF")));
        out.add(raw("utf16.le", "body", good.getBytes(StandardCharsets.UTF_16LE)));
        out.add(raw("utf16.be", "body", good.getBytes(StandardCharsets.UTF_16BE)));
        out.add(raw("utf8.bomTwice", "body", concat(HexFormat.of().parseHex("EFBBBFEFBBBF"), good.getBytes(StandardCharsets.UTF_8))));
        for (String type : WRONG_TYPES) {
            out.add(mediaType(type));
        }
        out.add(mediaType(null));
        return out;
    }

    /** One random fault: a random cut, random bytes in a string, or a random depth of nesting. */
    BadRequest random(Random r) {
        List<BodySlots.Slot> strings = slots.slots().stream()
                .filter(s -> s.current() != null && s.current().isTextual()).toList();
        return switch (r.nextInt(4)) {
            case 0 -> truncated(1 + r.nextInt(good.length() - 1));
            case 1 -> strings.isEmpty() ? truncated(1 + r.nextInt(good.length() - 1)) : randomUtf8(strings, r);
            case 2 -> {
                int depth = 1_001 + r.nextInt(9_000);
                yield syntax("json.deepArray", "body", "[".repeat(depth) + "]".repeat(depth));
            }
            default -> mediaType(RandomValues.pick(WRONG_TYPES, r));
        };
    }

    private BadRequest randomUtf8(List<BodySlots.Slot> strings, Random r) {
        BodySlots.Slot slot = RandomValues.pick(strings, r);
        List<String> names = List.copyOf(INVALID_UTF8.keySet());
        String name = RandomValues.pick(names, r);
        return raw("utf8." + name, slot.field(), slots.with(slot, inString(slot, INVALID_UTF8.get(name))));
    }

    private BadRequest truncated(int length) {
        return syntax("json.truncated", "body", good.substring(0, Math.max(1, length)));
    }

    private BadRequest syntax(String kind, String target, String body) {
        return BadRequest.json(op, kind, target, BadRequest.Rule.SYNTAX, body);
    }

    private BadRequest raw(String kind, String target, byte[] body) {
        return BadRequest.json(op, kind, target, BadRequest.Rule.SYNTAX, body);
    }

    /** The good body sent with another Content-Type (or none): 415. */
    private BadRequest mediaType(String type) {
        return new BadRequest(op, type == null ? "mediaType.missing" : "mediaType.wrong", "Content-Type",
                BadRequest.Rule.SYNTAX, op.validPath(), type, good.getBytes(StandardCharsets.UTF_8), null, Set.of(415));
    }

    /** A JSON string holding the slot's good text with the given bytes (hex) in its middle. */
    private static byte[] inString(BodySlots.Slot slot, String hex) {
        String text = slot.current().asText();
        int half = text.length() / 2;
        return concat(("\"" + JsonValues.escapeBody(text.substring(0, half))).getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(hex),
                (JsonValues.escapeBody(text.substring(half)) + "\"").getBytes(StandardCharsets.UTF_8));
    }

    /** The good body with the bytes (hex) inside its first key. */
    private byte[] keyWith(String hex) {
        int quote = good.indexOf('"');
        byte[] head = good.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
        byte[] tail = good.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
        return concat(head, HexFormat.of().parseHex(hex), tail);
    }

    /** The example with one property written twice (with the same value, or a changed one). */
    private String withDuplicate(BodySlots.Slot slot, boolean changed) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(text)) {
            write(g, slots.example(), "", slot, changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator g, JsonNode node, String at, BodySlots.Slot slot, boolean changed)
            throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = at + "/" + field.getKey();
                if (at.equals(slot.parent().toString()) && field.getKey().equals(slot.property())) {
                    g.writeFieldName(field.getKey());
                    if (changed) {
                        g.writeNull();
                    } else {
                        g.writeTree(field.getValue());
                    }
                }
                g.writeFieldName(field.getKey());
                write(g, field.getValue(), child, slot, changed);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                write(g, node.get(i), at + "/" + i, slot, changed);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
