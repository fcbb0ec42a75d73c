package io.rigledger.inventory.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keyset paging (CONVENTIONS.md): limits default to 100 and are capped at 1000, and a cursor is
 * the sort key of the previous page's last row, base64url-encoded so clients treat it as opaque.
 * Each feature decides what its key is; this class only packs and unpacks its parts.
 */
public final class PageCursor {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String VERSION = "v1";
    private static final String SEPARATOR = "|";
    private static final int MAX_CURSOR_LENGTH = 200;

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

    /** The parts packed into a cursor, or null for the first page (no cursor). */
    public static List<String> unpack(String cursor, int parts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_CURSOR_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> split = List.of(decoded.split(Pattern.quote(SEPARATOR), -1));
            if (split.size() != parts + 1 || !VERSION.equals(split.get(0))) {
                throw new IllegalArgumentException("not a cursor");
            }
            return split.subList(1, split.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static String pack(String... parts) {
        String joined = VERSION + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** For a cursor whose parts decode but do not parse as the key they should be. */
    public static ProblemException invalid() {
        return Problems.badRequest("cursor", "is not a cursor this service issued");
    }
}
