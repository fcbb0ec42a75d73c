package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

import java.io.IOException;
import java.util.Objects;

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

    /**
     * What a field's length bound says, as a Bean Validation message template: the wording of {@code @Size}'s
     * own message, for {@code @CodePointLength} too, so a field says the same whichever counts its characters.
     */
    public static final String BOUNDS_MESSAGE = "size must be between {min} and {max}";

    private final boolean lineBreaks;

    /**
     * What text over {@link #MAX_LENGTH} is told: the field's own bounds (its {@code @Size} or
     * {@code @CodePointLength}, as its contract states them), or the general limit.
     */
    private final String tooLong;

    public StrictText() {
        this(false, tooLong((Size) null));
    }

    private StrictText(boolean lineBreaks, String tooLong) {
        super(String.class);
        this.lineBreaks = lineBreaks;
        this.tooLong = tooLong;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean allowed = property != null && property.getAnnotation(AllowsLineBreaks.class) != null;
        Size size = property == null ? null : property.getAnnotation(Size.class);
        CodePointLength codePoints = property == null ? null : property.getAnnotation(CodePointLength.class);
        String told = size == null && codePoints != null ? tooLong(codePoints.min(), codePoints.max()) : tooLong(size);
        return allowed == lineBreaks && Objects.equals(told, tooLong) ? this : new StrictText(allowed, told);
    }

    /**
     * What text over {@link #MAX_LENGTH} is told: the field's own bounds when it declares them
     * ({@code @Size}, worded as bean validation words them for shorter text, so both match the
     * contract's maxLength), else the general limit.
     */
    public static String tooLong(Size size) {
        return size == null ? "must be at most " + MAX_LENGTH + " characters" : tooLong(size.min(), size.max());
    }

    /** What text over {@link #MAX_LENGTH} is told for a field of {@code min} to {@code max} characters. */
    public static String tooLong(int min, int max) {
        return BOUNDS_MESSAGE.replace("{min}", Integer.toString(min)).replace("{max}", Integer.toString(max));
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RejectedValueException(p, "must be a string", String.class);
        }
        String text = p.getText();
        if (text.length() > MAX_LENGTH) {
            throw new RejectedValueException(p, tooLong, String.class);
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
