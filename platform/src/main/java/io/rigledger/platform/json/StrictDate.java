package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Dates (OpenAPI {@code format: date}, RFC 3339 full-date): a JSON string of exactly
 * {@code YYYY-MM-DD} in ASCII digits, a real calendar day, between the platform's earliest and
 * latest dates. No whitespace, time part, sign, five-digit year or number.
 */
public class StrictDate extends StdScalarDeserializer<LocalDate> {

    private static final Pattern SHAPE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Supplier<LocalDate> earliest;
    private final Supplier<LocalDate> latest;

    /** @param earliest the first date accepted, read at the first date; {@code latest} likewise */
    public StrictDate(Supplier<LocalDate> earliest, Supplier<LocalDate> latest) {
        super(LocalDate.class);
        this.earliest = earliest;
        this.latest = latest;
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RejectedValueException(p, "must be a date (YYYY-MM-DD)", LocalDate.class);
        }
        String message = problemOf(p.getText());
        if (message != null) {
            throw new RejectedValueException(p, message, LocalDate.class);
        }
        return LocalDate.parse(p.getText(), ISO);
    }

    /** Why this text is not a date this platform accepts, or null when it is one. */
    public String problemOf(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return "must be a date (YYYY-MM-DD)";
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, ISO);
        } catch (DateTimeParseException e) {
            return "must be a real calendar date (YYYY-MM-DD)";
        }
        LocalDate first = earliest.get();
        LocalDate last = latest.get();
        if (date.isBefore(first) || date.isAfter(last)) {
            return "must be a date from " + first + " to " + last;
        }
        return null;
    }
}
