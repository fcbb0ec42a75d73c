package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad JSON values for one field, derived from its schema (type, bounds, lengths, pattern, format,
 * enum, item counts) and its good value. Every value here is systematic; {@link RandomValues}
 * draws more of the same kinds with a seeded random.
 */
final class JsonValues {

    static final int TEN_K = 10_000;
    static final int ONE_M = 1_000_000;
    static final String TEN_K_CHARACTERS = "string.10k";
    static final String ONE_M_CHARACTERS = "string.1M";
    static final String TEN_K_ITEMS = "array.10k";

    /**
     * Kinds emitted only where the schema's maxLength or maxItems is below their size, so the
     * contract refuses them by that bound; the validator is not asked (it takes seconds on 10k
     * items or a million characters).
     */
    static final Set<String> OVER_A_BOUND = Set.of(TEN_K_CHARACTERS, ONE_M_CHARACTERS, TEN_K_ITEMS, "param.10k", "param.1M");

    /** "at most two decimals", "(two decimals)", "2 decimals" in a field's description. */
    private static final Pattern DECLARED_DECIMALS =
            Pattern.compile("(one|two|three|four|five|six|\\d+) decimals?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBERS = Map.of("one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6);

    private JsonValues() {
    }

    /** Every systematic bad value for a field of this schema whose good value is {@code current} (may be null). */
    static List<Mutant> of(Schema<?> schema, JsonNode current) {
        List<Mutant> out = small(schema, current);
        String type = type(schema);
        if ("string".equals(type) && schema.getMaxLength() != null && schema.getMaxLength() < TEN_K) {
            String good = current != null && current.isTextual() ? current.asText() : goodText(schema);
            out.add(Mutant.contract(TEN_K_CHARACTERS, quote(fill(good, TEN_K))));
            out.add(Mutant.contract(ONE_M_CHARACTERS, quote(fill(good, ONE_M))));
        } else if ("array".equals(type) && schema.getMaxItems() != null && schema.getMaxItems() < TEN_K) {
            out.add(Mutant.contract(TEN_K_ITEMS, repeat(firstItem(current), TEN_K)));
        } else if ("integer".equals(type) || "number".equals(type)) {
            out.add(Mutant.contract("number.huge", "1" + "0".repeat(1100)));
        }
        return out;
    }

    /** The bad values of {@link #of} but the huge ones (10k and 1M characters, 10k items, 1,100 digits). */
    static List<Mutant> small(Schema<?> schema, JsonNode current) {
        List<Mutant> out = new ArrayList<>();
        out.add(Mutant.contract("null", "null"));
        switch (type(schema)) {
            case "string" -> strings(schema, current, out);
            case "integer" -> numbers(schema, current, true, out);
            case "number" -> numbers(schema, current, false, out);
            case "boolean" -> booleans(out);
            case "array" -> arrays(schema, current, out);
            case "object" -> objects(schema, out);
            default -> {
                // a schema without a type accepts anything but null
            }
        }
        return out;
    }

    /** The schema's JSON type; objects and arrays are recognised by their properties and items too. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "any";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "any";
    }

    private static void strings(Schema<?> s, JsonNode current, List<Mutant> out) {
        String good = current != null && current.isTextual() ? current.asText() : goodText(s);
        out.add(Mutant.contract("type.number", "123"));
        out.add(Mutant.contract("type.boolean", "true"));
        out.add(Mutant.contract("type.object", "{}"));
        out.add(Mutant.contract("type.array", "[" + quote(good) + "]"));
        out.add(Mutant.contract("string.empty", "\"\""));
        out.add(Mutant.contract("string.blank", "\"   \""));
        if (s.getMaxLength() != null && s.getMaxLength() < ONE_M) {
            out.add(Mutant.contract("string.tooLong", quote(fill(good, s.getMaxLength() + 1))));
        }
        if (s.getMinLength() != null && s.getMinLength() > 1) {
            out.add(Mutant.contract("string.tooShort", quote(good.substring(0, Math.min(good.length(), s.getMinLength() - 1)))));
        }
        if (s.getPattern() != null) {
            out.add(Mutant.contract("string.pattern", quote(good + "!")));
            out.add(Mutant.contract("string.pattern", quote(" " + good)));
            out.add(Mutant.contract("string.pattern", quote(good.toLowerCase().equals(good) ? good.toUpperCase() : good.toLowerCase())));
            out.add(Mutant.contract("string.pattern", quote("\u00e9" + good)));
            out.add(Mutant.contract("string.pattern", quote(good.replaceAll("[0-9]", "\uff11"))));
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            String first = String.valueOf(s.getEnum().get(0));
            out.add(Mutant.contract("string.enum", quote(first.toLowerCase())));
            out.add(Mutant.contract("string.enum", quote(first + "_X")));
            out.add(Mutant.contract("string.enum", quote(first + " ")));
        }
        formats(s.getFormat(), good, out);
        for (String control : List.of("\u0000", "\u0001", "\u0008", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f")) {
            out.add(Mutant.platform("string.control", quote(good + control)));
        }
        out.add(Mutant.platform("string.control", quote("\u0000" + good)));
        out.add(Mutant.platform("string.surrogate", "\"" + escapeBody(good) + "\\ud800\""));
        out.add(Mutant.platform("string.surrogate", "\"\\udc00" + escapeBody(good) + "\""));
        out.add(Mutant.syntax("json.rawControl", "\"" + escapeBody(good) + "\u0001\""));
        out.add(Mutant.syntax("json.rawControl", "\"" + escapeBody(good) + "\t\""));
        out.add(Mutant.syntax("json.badEscape", "\"" + escapeBody(good) + "\\x41\""));
        out.add(Mutant.syntax("json.badEscape", "\"\\u12G4" + escapeBody(good) + "\""));
        out.add(Mutant.syntax("json.unterminated", "\"" + escapeBody(good)));
        out.add(Mutant.syntax("json.singleQuotes", "'" + escapeBody(good) + "'"));
    }

    private static void formats(String format, String good, List<Mutant> out) {
        if ("date".equals(format)) {
            for (String bad : List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-1-1", "20260101",
                    "2026-01-01T00:00:00Z", "2026-01-01 ", " 2026-01-01", "+10000-01-01", "-999999999-01-01",
                    "+999999999-12-31", "10000-01-01", "\uff12\uff10\uff12\uff16-01-01", "0000-00-00", "yesterday")) {
                out.add(Mutant.contract("date.malformed", quote(bad)));
            }
            for (String far : List.of("1899-12-31", "0001-01-01", "2200-01-01", "9999-12-31")) {
                out.add(Mutant.platform("date.outOfRange", quote(far)));
            }
            out.add(Mutant.platform("date.control", quote("2026-01-01\u0000")));
        } else if ("uuid".equals(format)) {
            String uuid = good.length() == 36 ? good : "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40";
            for (String bad : List.of("not-a-uuid", uuid.replace("-", ""), uuid + "0", uuid.substring(1),
                    "g" + uuid.substring(1), "{" + uuid + "}", "urn:uuid:" + uuid, uuid.replace('-', '_'),
                    " " + uuid, "0", "-1")) {
                out.add(Mutant.contract("uuid.malformed", quote(bad)));
            }
        }
    }

    private static void numbers(Schema<?> s, JsonNode current, boolean integer, List<Mutant> out) {
        BigDecimal good = current != null && current.isNumber() ? current.decimalValue() : goodNumber(s);
        BigDecimal min = s.getMinimum();
        BigDecimal max = s.getMaximum();
        out.add(Mutant.contract("type.string", quote(good.toPlainString())));
        out.add(Mutant.contract("type.boolean", "true"));
        out.add(Mutant.contract("type.array", "[" + good.toPlainString() + "]"));
        out.add(Mutant.contract("type.object", "{}"));
        if (max != null) {
            out.add(Mutant.contract("number.aboveMaximum", max.add(BigDecimal.ONE).toPlainString()));
            out.add(Mutant.contract("number.aboveMaximum", max.add(new BigDecimal("0.01")).toPlainString()));
        }
        if (min != null) {
            out.add(Mutant.contract("number.belowMinimum", min.subtract(BigDecimal.ONE).toPlainString()));
            out.add(Mutant.contract("number.belowMinimum", min.subtract(new BigDecimal("0.01")).toPlainString()));
            if (Boolean.TRUE.equals(s.getExclusiveMinimum())) {
                out.add(Mutant.contract("number.exclusiveMinimum", min.toPlainString()));
            }
        }
        for (String huge : List.of("1e308", "-1e308", "1e309", "-1E400",
                "9223372036854775808", "-9223372036854775809", "2147483648", "1" + "0".repeat(30))) {
            out.add(Mutant.contract("number.huge", huge));
        }
        if (integer) {
            out.add(Mutant.contract("integer.fraction", good.add(new BigDecimal("0.5")).toPlainString()));
            out.add(Mutant.contract("integer.fraction", good.toBigInteger() + ".0"));
            out.add(Mutant.contract("integer.exponent", good.toBigInteger() + "e0"));
        } else {
            decimals(s, good, out);
        }
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1e", "--1", "1_000")) {
            out.add(Mutant.syntax("json.badNumber", bad));
        }
    }

    /** More decimals than the field holds: from multipleOf (the validator knows) or "two decimals" in its description. */
    private static void decimals(Schema<?> s, BigDecimal good, List<Mutant> out) {
        BigDecimal base = good.setScale(Math.max(good.scale(), 0), RoundingMode.UNNECESSARY);
        if (s.getMultipleOf() != null) {
            BigDecimal step = s.getMultipleOf().movePointLeft(1);
            out.add(Mutant.contract("number.tooManyDecimals", base.add(step).toPlainString()));
            out.add(Mutant.contract("number.tooManyDecimals", base.add(BigDecimal.ONE.movePointLeft(20)).toPlainString()));
            return;
        }
        Integer declared = declaredDecimals(s.getDescription());
        if (declared != null) {
            BigDecimal over = base.setScale(declared, RoundingMode.DOWN).add(BigDecimal.ONE.movePointLeft(declared + 1));
            out.add(Mutant.platform("number.tooManyDecimals", over.toPlainString()));
            out.add(Mutant.platform("number.tooManyDecimals", base.add(BigDecimal.ONE.movePointLeft(20)).toPlainString()));
        }
    }

    /** The decimals a description declares ("USD, two decimals"), or null. */
    static Integer declaredDecimals(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = DECLARED_DECIMALS.matcher(description);
        if (!m.find()) {
            return null;
        }
        String n = m.group(1).toLowerCase();
        return NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.valueOf(n);
    }

    private static void booleans(List<Mutant> out) {
        for (String bad : List.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}")) {
            out.add(Mutant.contract("type.notBoolean", bad));
        }
        for (String bad : List.of("True", "TRUE", "tru", "yes")) {
            out.add(Mutant.syntax("json.badLiteral", bad));
        }
    }

    private static void arrays(Schema<?> s, JsonNode current, List<Mutant> out) {
        String item = firstItem(current);
        out.add(Mutant.contract("array.empty", "[]"));
        if (s.getMaxItems() != null && s.getMaxItems() < TEN_K) {
            out.add(Mutant.contract("array.tooMany", repeat(item, s.getMaxItems() + 1)));
        }
        if (Boolean.TRUE.equals(s.getUniqueItems())) {
            out.add(Mutant.contract("array.duplicates", "[" + item + "," + item + "]"));
        }
        for (String bad : List.of("[1]", "[\"x\"]", "[null]", "[[]]", "[{}]", "[true]")) {
            out.add(Mutant.contract("array.badItem", bad));
        }
        for (String bad : List.of("{}", "\"x\"", "1", "true", item)) {
            out.add(Mutant.contract("type.notArray", bad));
        }
        out.add(Mutant.syntax("json.badArray", "[" + item + ",]"));
        out.add(Mutant.syntax("json.badArray", "[," + item + "]"));
        out.add(Mutant.syntax("json.badArray", "[" + item));
    }

    private static String firstItem(JsonNode current) {
        return current != null && current.isArray() && !current.isEmpty() ? write(current.get(0)) : "1";
    }

    private static void objects(Schema<?> s, List<Mutant> out) {
        for (String bad : List.of("[]", "\"x\"", "1", "true", "[{}]")) {
            out.add(Mutant.contract("type.notObject", bad));
        }
        if (s.getRequired() != null && !s.getRequired().isEmpty()) {
            out.add(Mutant.contract("object.empty", "{}"));
        }
        out.add(Mutant.syntax("json.badObject", "{,}"));
        out.add(Mutant.syntax("json.badObject", "{\"a\" 1}"));
    }

    /** A value of the schema's kind when the example has none: its example, first enum, or plain text. */
    static String goodText(Schema<?> s) {
        if (s.getExample() != null) {
            return String.valueOf(s.getExample());
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return String.valueOf(s.getEnum().get(0));
        }
        return "date".equals(s.getFormat()) ? "2026-03-10" : "uuid".equals(s.getFormat())
                ? "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40" : "A1";
    }

    static BigDecimal goodNumber(Schema<?> s) {
        if (s.getExample() instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return s.getMinimum() != null ? s.getMinimum().max(BigDecimal.ONE) : BigDecimal.ONE;
    }

    /** {@code text} repeated (or cut) to exactly {@code length} characters. */
    static String fill(String text, int length) {
        String unit = text.isEmpty() ? "a" : text;
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(unit, 0, Math.min(unit.length(), length - b.length()));
        }
        return b.toString();
    }

    /** A JSON string literal with every control character escaped. */
    static String quote(String text) {
        return "\"" + escapeBody(text) + "\"";
    }

    static String escapeBody(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    static String repeat(String item, int times) {
        StringBuilder b = new StringBuilder(item.length() * times + times + 2).append('[');
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(item);
        }
        return b.append(']').toString();
    }

    static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example cannot be written back as JSON", e);
        }
    }
}
