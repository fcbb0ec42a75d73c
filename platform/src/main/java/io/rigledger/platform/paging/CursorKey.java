package io.rigledger.platform.paging;

import io.rigledger.platform.json.StrictText;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The sort key a cursor carries: the values of the previous page's last row, as text. Each
 * getter parses one part and keeps it inside what the database can compare (no control
 * characters, instants in years 1900 to 2199); a part that does not parse is a forged cursor
 * (400 naming cursor), never a database error.
 */
public record CursorKey(List<String> parts) {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    public String text(int i) {
        String text = parts.get(i);
        if (StrictText.problemOf(text, false) != null) {
            throw Paging.invalidCursor();
        }
        return text;
    }

    public long number(int i) {
        try {
            return Long.parseLong(parts.get(i));
        } catch (NumberFormatException e) {
            throw Paging.invalidCursor();
        }
    }

    public UUID uuid(int i) {
        String text = parts.get(i);
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text)) {
                throw Paging.invalidCursor();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw Paging.invalidCursor();
        }
    }

    public Instant instant(int i) {
        Instant at;
        try {
            at = Instant.parse(parts.get(i));
        } catch (DateTimeParseException e) {
            throw Paging.invalidCursor();
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw Paging.invalidCursor();
        }
        return at;
    }
}
