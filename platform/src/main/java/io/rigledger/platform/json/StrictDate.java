package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Dates (OpenAPI {@code format: date}, RFC 3339 full-date): a JSON string of exactly
 * {@code YYYY-MM-DD} in ASCII digits, a real calendar day, between the platform's earliest and
 * latest dates. No whitespace, time part, sign, five-digit year or number.
 */
public class StrictDate extends StdScalarDeserializer<LocalDate> {

    private static final Pattern SHAPE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private final Supplier<LocalDate> earliest;
    private final Supplier<LocalDate> latest;
    /** The bounds, read from the suppliers at the first date and kept (configuration does not change at runtime). */
    private volatile LocalDate[] bounds;

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
        String text = p.getText();
        LocalDate date = calendarDate(text);
        String message = problemOf(text, date);
        if (message != null) {
            throw new RejectedValueException(p, message, LocalDate.class);
        }
        return date;
    }

    /** Why this text is not a date this platform accepts, or null when it is one. */
    public String problemOf(String text) {
        return problemOf(text, calendarDate(text));
    }

    private String problemOf(String text, LocalDate date) {
        if (!SHAPE.matcher(text).matches()) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (date == null) {
            return "must be a real calendar date (YYYY-MM-DD)";
        }
        LocalDate[] range = bounds();
        if (date.isBefore(range[0]) || date.isAfter(range[1])) {
            return "must be a date from " + range[0] + " to " + range[1];
        }
        return null;
    }

    /**
     * The day {@code text} names when it has the shape {@code YYYY-MM-DD} in ASCII digits and is a real
     * calendar day (proleptic ISO: 2025-02-29 and 2025-04-31 are not), else null. Read field by field:
     * the same answer as {@code uuuu-MM-dd} with the STRICT resolver, without a formatter's field map.
     */
    private static LocalDate calendarDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the ASCII digits {@code text[from, to)} write, or -1 when one is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private LocalDate[] bounds() {
        LocalDate[] range = bounds;
        if (range == null) {
            range = new LocalDate[]{earliest.get(), latest.get()};
            bounds = range;
        }
        return range;
    }
}
