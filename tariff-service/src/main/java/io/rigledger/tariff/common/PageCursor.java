package io.rigledger.tariff.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset paging over an ascending numeric id: the cursor is the last id of the previous page,
 * opaque to clients. Limits default to 100 and are capped at 1000 (CONVENTIONS.md).
 */
public final class PageCursor {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String PREFIX = "id:";

    private PageCursor() {
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1) {
            throw Problems.badRequest("limit", "must be at least 1");
        }
        return Math.min(requested, MAX_LIMIT);
    }

    /** The id after which the page starts; 0 for the first page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0L;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException(decoded);
            }
            long id = Long.parseLong(decoded.substring(PREFIX.length()));
            if (id < 0) {
                throw new IllegalArgumentException(decoded);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("cursor", "is not a cursor this service issued");
        }
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }
}
