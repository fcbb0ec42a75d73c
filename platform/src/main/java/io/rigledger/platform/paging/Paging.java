package io.rigledger.platform.paging;

import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Keyset paging, the same in every service: {@code ?limit=} (ASCII digits,
 * default {@code rigledger.page.default-limit}, at most {@code rigledger.page.max-limit}) and an
 * opaque {@code ?cursor=}: base64url of {@code v1|part|part|crc}, where the parts are the sort key
 * of the previous page's last row and the CRC-32C detects a cursor that was altered. A cursor is not
 * a secret: every query it feeds is still scoped to the caller's organisation.
 */
@ApplicationScoped
public class Paging {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '|';
    private static final Pattern ASCII_DIGITS = Pattern.compile("^[0-9]{1,9}$");

    private final int defaultLimit;
    private final int maxLimit;
    private final int maxCursorLength;

    @Inject
    Paging(PlatformConfig config) {
        this(config.page().defaultLimit(), config.page().maxLimit(), config.page().maxCursorLength());
    }

    /** For tests and tools without configuration. */
    public Paging(int defaultLimit, int maxLimit, int maxCursorLength) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.maxCursorLength = maxCursorLength;
    }

    /**
     * The page size for a {@code limit} query parameter as written.
     *
     * @throws ProblemException 400 naming limit when it is not ASCII digits, or outside 1..max-limit
     */
    public int limit(String requested) {
        if (requested == null || requested.isEmpty()) {
            return defaultLimit;
        }
        if (!ASCII_DIGITS.matcher(requested).matches()) {
            throw Problems.badRequest("limit", "must be a whole number from 1 to " + maxLimit + " written in ASCII digits");
        }
        int limit = Integer.parseInt(requested);
        if (limit < 1 || limit > maxLimit) {
            throw Problems.badRequest("limit", "must be from 1 to " + maxLimit);
        }
        return limit;
    }

    /**
     * The position a {@code cursor} query parameter names, or null for the first page.
     *
     * @param parts how many key parts this list's cursors carry
     * @throws ProblemException 400 naming cursor when it is too long, malformed, altered or from another list
     */
    public CursorKey after(String cursor, int parts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > maxCursorLength) {
            throw Problems.badRequest("cursor", "must be at most " + maxCursorLength + " characters");
        }
        String text;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalidCursor();
        }
        List<String> split = Arrays.asList(text.split(Pattern.quote(String.valueOf(SEPARATOR)), -1));
        if (split.size() != parts + 2 || !VERSION.equals(split.get(0))) {
            throw invalidCursor();
        }
        String body = text.substring(0, text.lastIndexOf(SEPARATOR));
        if (!checksum(body).equals(split.get(split.size() - 1))) {
            throw invalidCursor();
        }
        return new CursorKey(List.copyOf(split.subList(1, split.size() - 1)));
    }

    /**
     * The position a cursor issued by {@link #cursorIn} for the same {@code scope} names, or null for
     * the first page.
     *
     * @param parts how many key parts this list's cursors carry
     * @param scope the list and its filter as {@link #cursorIn} was given them
     * @throws ProblemException 400 naming cursor when it is malformed or altered, or was issued for another
     *         list or another filter (its rows would be another set: a page of it could skip or repeat rigs)
     */
    public CursorKey after(String cursor, int parts, String scope) {
        CursorKey key = after(cursor, parts + 1);
        if (key == null) {
            return null;
        }
        if (!checksum(scope).equals(key.parts().get(parts))) {
            throw Problems.badRequest("cursor", "was issued for another list or filter: "
                    + "ask for the first page again, without cursor");
        }
        return new CursorKey(key.parts().subList(0, parts));
    }

    /**
     * A cursor bound to {@code scope}, the list and its filter (e.g. "rigs?status=RMA"): {@link
     * #after(String, int, String)} refuses it for any other scope. Parts may not contain '|'.
     */
    public String cursorIn(String scope, String... parts) {
        String[] bound = Arrays.copyOf(parts, parts.length + 1);
        bound[parts.length] = checksum(scope);
        return cursor(bound);
    }

    /** The cursor for a position; parts may not contain '|'. */
    public String cursor(String... parts) {
        StringBuilder body = new StringBuilder(VERSION);
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor part may not contain " + SEPARATOR + ": " + part);
            }
            body.append(SEPARATOR).append(part);
        }
        String text = body + String.valueOf(SEPARATOR) + checksum(body.toString());
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        if (cursor.length() > maxCursorLength) {
            throw new IllegalStateException("a cursor of " + cursor.length() + " characters exceeds rigledger.page.max-cursor-length");
        }
        return cursor;
    }

    /**
     * A page from rows read with {@code limit + 1}: the extra row, when there is one, only tells
     * that a next page exists, and the last row kept gives its cursor.
     *
     * @param rows  up to limit + 1 rows in the list's order
     * @param key   the sort key of a row, as the cursor's parts
     * @param view  what a row looks like on the wire
     */
    public <R, V> Page<V> page(List<R> rows, int limit, Function<R, String[]> key, Function<R, V> view) {
        List<R> kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? cursor(key.apply(kept.get(kept.size() - 1))) : null;
        List<V> items = new ArrayList<>(kept.size());
        kept.forEach(r -> items.add(view.apply(r)));
        return new Page<>(items, next);
    }

    /** 400 naming cursor: it did not come from this list. */
    public static ProblemException invalidCursor() {
        return Problems.badRequest("cursor", "is not a cursor this list issued");
    }

    private static String checksum(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
