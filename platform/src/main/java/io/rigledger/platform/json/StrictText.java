package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import jakarta.validation.constraints.Size;

import java.io.IOException;

/**
 * Text fields: only a JSON string is text (no {@code true} or {@code 123} turned into "true" or
 * "123"), and text never holds control characters (C0, DEL, C1: U+0000 cannot even be stored by
 * PostgreSQL) or unpaired surrogates, nor more than {@value #MAX_LENGTH} characters. Fields marked
 * {@link AllowsLineBreaks} may hold line feed, carriage return and tab.
 */
public class StrictText extends StdScalarDeserializer<String> implements ContextualDeserializer {

    /**
     * The longest text any field takes, in characters. No contract bounds a request string above
     * 1,000; refusing longer text here, before bean validation, keeps {@code @Pattern} checks away
     * from the million-character values whose repeated groups overflow java.util.regex's stack
     * (found by the bad-input test: a 1M-character model code answered 500).
     */
    public static final int MAX_LENGTH = 4_096;

    private final boolean lineBreaks;

    /** The field's own bounds (its {@code @Size}, as its contract states them), or null. */
    private final Size size;

    public StrictText() {
        this(false, null);
    }

    private StrictText(boolean lineBreaks, Size size) {
        super(String.class);
        this.lineBreaks = lineBreaks;
        this.size = size;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean allowed = property != null && property.getAnnotation(AllowsLineBreaks.class) != null;
        Size bounds = property == null ? null : property.getAnnotation(Size.class);
        return allowed == lineBreaks && bounds == size ? this : new StrictText(allowed, bounds);
    }

    /**
     * What text over {@link #MAX_LENGTH} is told: the field's own bounds when it declares them
     * ({@code @Size}, worded as bean validation words them for shorter text, so both match the
     * contract's maxLength), else the general limit.
     */
    public static String tooLong(Size size) {
        return size == null ? "must be at most " + MAX_LENGTH + " characters"
                : "size must be between " + size.min() + " and " + size.max();
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RejectedValueException(p, "must be a string", String.class);
        }
        String text = p.getText();
        if (text.length() > MAX_LENGTH) {
            throw new RejectedValueException(p, tooLong(size), String.class);
        }
        String problem = problemOf(text, lineBreaks);
        if (problem != null) {
            throw new RejectedValueException(p, problem, String.class);
        }
        return text;
    }

    /** Why this text is refused, or null when it is fine. */
    public static String problemOf(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            boolean allowed = lineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if (control && !allowed) {
                return "must not contain control characters (U+%04X at position %d)".formatted((int) c, i);
            }
        }
        return null;
    }
}
