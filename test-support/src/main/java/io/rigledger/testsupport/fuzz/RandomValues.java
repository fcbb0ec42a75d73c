package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * Bad values drawn with a seeded {@link Random}: the kinds of {@link JsonValues}, with random
 * lengths, positions, characters and magnitudes, so that a run goes beyond the systematic list
 * and the same seed always draws the same values.
 */
final class RandomValues {

    /** Printable ASCII, Latin-1, Cyrillic, CJK, an emoji (a surrogate pair) and right-to-left text. */
    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00e9\u00df\u00f1\u0416\u4e2d\u6587\u0627\u05d0\ud83d\ude00";
    private static final String CONTROLS = "\u0000\u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001b\u001f\u007f\u0080\u0085\u009f";

    private RandomValues() {
    }

    /** One random bad value for a field of this schema whose good value is {@code current} (may be null). */
    static Mutant of(Schema<?> schema, JsonNode current, Random random) {
        return switch (JsonValues.type(schema)) {
            case "string" -> string(schema, current, random);
            case "integer", "number" -> number(schema, current, random);
            default -> pick(JsonValues.small(schema, current), random);
        };
    }

    private static Mutant string(Schema<?> s, JsonNode current, Random r) {
        String good = current != null && current.isTextual() ? current.asText() : JsonValues.goodText(s);
        int max = s.getMaxLength() == null ? 1000 : s.getMaxLength();
        return switch (r.nextInt(6)) {
            case 0 -> Mutant.contract("string.tooLong", JsonValues.quote(text(r, max + 1 + r.nextInt(Math.max(16, max * 3)))));
            case 1 -> Mutant.contract("string.junk", JsonValues.quote(insert(good, text(r, 1 + r.nextInt(8)), r)));
            case 2 -> Mutant.platform("string.control", JsonValues.quote(insert(good,
                    String.valueOf(CONTROLS.charAt(r.nextInt(CONTROLS.length()))), r)));
            case 3 -> Mutant.contract("string.mangled", JsonValues.quote(mangle(good, r)));
            case 4 -> Mutant.contract("string.random", JsonValues.quote(text(r, r.nextInt(Math.min(max, 64) + 1))));
            default -> pick(JsonValues.small(s, current), r);
        };
    }

    private static Mutant number(Schema<?> s, JsonNode current, Random r) {
        BigDecimal max = s.getMaximum();
        BigDecimal min = s.getMinimum();
        BigDecimal step = BigDecimal.valueOf(1 + r.nextInt(1_000_000)).movePointLeft(r.nextInt(3));
        return switch (r.nextInt(5)) {
            case 0 -> max == null ? pick(JsonValues.small(s, current), r)
                    : Mutant.contract("number.aboveMaximum", max.add(step).toPlainString());
            case 1 -> min == null ? pick(JsonValues.small(s, current), r)
                    : Mutant.contract("number.belowMinimum", min.subtract(step).toPlainString());
            case 2 -> Mutant.contract("number.huge", (r.nextBoolean() ? "" : "-") + (1 + r.nextInt(9)) + "e" + (309 + r.nextInt(5000)));
            case 3 -> fraction(s, current, r);
            default -> pick(JsonValues.small(s, current), r);
        };
    }

    /** A fraction an integer cannot hold, or more decimals than a number field declares. */
    private static Mutant fraction(Schema<?> s, JsonNode current, Random r) {
        BigDecimal good = current != null && current.isNumber() ? current.decimalValue() : JsonValues.goodNumber(s);
        if ("integer".equals(s.getType())) {
            return Mutant.contract("integer.fraction", good.add(BigDecimal.valueOf(1 + r.nextInt(99), 2)).toPlainString());
        }
        Integer declared = s.getMultipleOf() != null ? Integer.valueOf(s.getMultipleOf().stripTrailingZeros().scale())
                : JsonValues.declaredDecimals(s.getDescription());
        if (declared == null) {
            return pick(JsonValues.small(s, current), r);
        }
        int scale = declared + 1 + r.nextInt(12);
        BigDecimal tail = BigDecimal.valueOf(1 + r.nextInt(9)).movePointLeft(scale);
        String value = good.setScale(declared, RoundingMode.DOWN).add(tail).toPlainString();
        return s.getMultipleOf() != null ? Mutant.contract("number.tooManyDecimals", value)
                : Mutant.platform("number.tooManyDecimals", value);
    }

    /** Random text of printable characters from many scripts. */
    static String text(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            char c = PRINTABLE.charAt(r.nextInt(PRINTABLE.length()));
            if (Character.isHighSurrogate(c)) {
                if (b.length() + 2 > length) {
                    continue;
                }
                b.append(c).append(PRINTABLE.charAt(PRINTABLE.indexOf(c) + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code piece} put at a random place in {@code text}. */
    static String insert(String text, String piece, Random r) {
        int at = r.nextInt(text.length() + 1);
        return text.substring(0, at) + piece + text.substring(at);
    }

    /** The text with one random character changed, dropped or doubled, or cut short. */
    static String mangle(String text, Random r) {
        if (text.isEmpty()) {
            return "?";
        }
        int at = r.nextInt(text.length());
        return switch (r.nextInt(4)) {
            case 0 -> text.substring(0, at) + "gxz-_ {}#".charAt(r.nextInt(9)) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
            default -> text.substring(0, at);
        };
    }

    static <T> T pick(List<T> items, Random r) {
        return items.get(r.nextInt(items.size()));
    }
}
