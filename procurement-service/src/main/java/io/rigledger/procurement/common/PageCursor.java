package io.rigledger.procurement.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset paging, newest first, over (created_at, id): the cursor is the position of the last row
 * of the previous page, opaque to clients. Limits default to 100 and are capped at 1000
 * (CONVENTIONS.md).
 *
 * @param createdAt the last row's creation time (microseconds, as PostgreSQL stores it)
 * @param id        the last row's id, which breaks ties between rows created in the same microsecond
 */
public record PageCursor(Instant createdAt, UUID id) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String PREFIX = "v1|";

    /** The page size for a {@code limit} query parameter as written (it may be absent or not a number). */
    public static int limit(String requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(requested);
        } catch (NumberFormatException e) {
            throw Problems.badRequest("limit", "must be a whole number");
        }
        if (limit < 1) {
            throw Problems.badRequest("limit", "must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** The position after which the page starts; null for the first page. */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException(decoded);
            }
            String[] parts = decoded.substring(PREFIX.length()).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(decoded);
            }
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            return new PageCursor(at, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw Problems.badRequest("cursor", "is not a cursor this service issued");
        }
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
