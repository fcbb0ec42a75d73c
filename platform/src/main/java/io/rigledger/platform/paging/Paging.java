package io.rigledger.platform.paging;

import io.quarkus.runtime.Startup;
import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyset paging, the same in every service: {@code ?limit=} (ASCII digits, default
 * {@code rigledger.page.default-limit}, at most {@code rigledger.page.max-limit}) and an opaque
 * {@code ?cursor=}: base64url (no padding) of the text {@code v2|part|part...} (the sort key of the
 * previous page's last row) followed by the first 16 bytes (128 bits) of an HMAC-SHA256, keyed with
 * {@code rigledger.page.cursor-key}, over the version, the {@link CursorScope} (list, filter values and,
 * for an organisation's list, the organisation) and the text. The scope itself is not in the cursor:
 * only the MAC binds it, so a cursor is short and says nothing about the filter or the organisation.
 *
 * <p>Every way to make or read a cursor takes a scope. A cursor that was altered, made up (any MAC but
 * the right one), issued for another list or filter, issued to another organisation or under a previous
 * key (after rotation) is 400 naming {@code cursor} with the same words, so the answer does not tell
 * which; the client asks for the first page again. Too long (the contracts' maxLength) is its own 400.
 *
 * <p>{@link Startup}: the service refuses to start without a key of at least 32 bytes rather than
 * answering its first list with a 500.
 */
@ApplicationScoped
@Startup
public class Paging {

    private static final String VERSION = "v2";
    private static final char SEPARATOR = '|';
    private static final Pattern ASCII_DIGITS = Pattern.compile("^[0-9]{1,9}$");
    private static final String ALGORITHM = "HmacSHA256";
    /** Bytes of the HMAC kept in a cursor: 128 bits. */
    static final int MAC_BYTES = 16;
    /** The shortest key accepted, in bytes (HMAC-SHA256's output size). */
    static final int MIN_KEY_BYTES = 32;
    static final String SETTING = "rigledger.page.cursor-key (environment RIGLEDGER_PAGE_CURSOR_KEY)";

    private final int defaultLimit;
    private final int maxLimit;
    private final int maxCursorLength;
    private final Mac prototype;

    @Inject
    Paging(PlatformConfig config) {
        this(config.page().defaultLimit(), config.page().maxLimit(), config.page().maxCursorLength(),
                key(config.page().cursorKey().orElseThrow(() -> new IllegalStateException(SETTING
                        + " is not set: give each service a random key of at least " + MIN_KEY_BYTES
                        + " bytes in base64 (openssl rand -base64 32), the same for all of its replicas"))));
    }

    /**
     * For tests and tools without configuration.
     *
     * @param key the cursor key's bytes, at least 32
     */
    public Paging(int defaultLimit, int maxLimit, int maxCursorLength, byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(SETTING + " must be at least " + MIN_KEY_BYTES + " bytes, is " + key.length);
        }
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.maxCursorLength = maxCursorLength;
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            this.prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /**
     * The bytes of a cursor key as written in the setting: base64 or base64url, padded or not.
     *
     * @throws IllegalStateException when it is neither, or shorter than 32 bytes
     */
    public static byte[] key(String written) {
        String text = written.strip();
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " is not base64: " + e.getMessage());
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(SETTING + " must be at least " + MIN_KEY_BYTES + " bytes (base64 of them), is "
                    + key.length + " bytes: openssl rand -base64 32 makes one");
        }
        return key;
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
     * The position a cursor issued by this service under the same {@code scope} names, or null for the
     * first page (no cursor, or an empty one).
     *
     * @param parts how many key parts this list's cursors carry
     * @param scope the list, its filter and (unless global) the organisation the list is read for
     * @throws ProblemException 400 naming cursor when it is longer than max-cursor-length, or was altered,
     *         made up, issued for another list or filter, to another organisation or under another key
     */
    public CursorKey after(String cursor, int parts, CursorScope scope) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > maxCursorLength) {
            throw Problems.badRequest("cursor", "must be at most " + maxCursorLength + " characters");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (raw.length <= MAC_BYTES) {
            throw invalidCursor();
        }
        byte[] body = Arrays.copyOfRange(raw, 0, raw.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac, mac(scope, body))) {
            throw invalidCursor();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalidCursor();
        }
        List<String> split = Arrays.asList(text.split(Pattern.quote(String.valueOf(SEPARATOR)), -1));
        if (split.size() != parts + 1 || !VERSION.equals(split.get(0))) {
            throw invalidCursor();
        }
        return new CursorKey(List.copyOf(split.subList(1, split.size())));
    }

    /**
     * The cursor for a position in the list {@code scope} names: {@link #after} gives back {@code parts}
     * under the same scope only.
     *
     * @param parts the sort key of the page's last row; none may contain '|'
     * @throws IllegalArgumentException when a part contains '|'
     * @throws IllegalStateException    when the cursor would be longer than max-cursor-length
     */
    public String cursor(CursorScope scope, String... parts) {
        StringBuilder text = new StringBuilder(VERSION);
        for (String part : parts) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor part may not contain " + SEPARATOR + ": " + part);
            }
            text.append(SEPARATOR).append(part);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] raw = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(scope, body), 0, raw, body.length, MAC_BYTES);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (cursor.length() > maxCursorLength) {
            throw new IllegalStateException("a cursor of " + cursor.length() + " characters exceeds rigledger.page.max-cursor-length");
        }
        return cursor;
    }

    /**
     * A page from rows read with {@code limit + 1}: the extra row, when there is one, only tells
     * that a next page exists, and the last row kept gives its cursor (bound to {@code scope}).
     *
     * @param rows  up to limit + 1 rows in the list's order
     * @param scope the list, its filter and (unless global) the organisation, as {@link #after} was given them
     * @param key   the sort key of a row, as the cursor's parts
     * @param view  what a row looks like on the wire
     */
    public <R, V> Page<V> page(List<R> rows, int limit, CursorScope scope, Function<R, String[]> key, Function<R, V> view) {
        List<R> kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? cursor(scope, key.apply(kept.get(kept.size() - 1))) : null;
        List<V> items = new ArrayList<>(kept.size());
        kept.forEach(r -> items.add(view.apply(r)));
        return new Page<>(items, next);
    }

    /**
     * 400 naming cursor: it is not one this list gave this caller. The same words for every reason
     * (altered, made up, another list, filter or organisation, an old key), so they reveal none.
     */
    public static ProblemException invalidCursor() {
        return Problems.badRequest("cursor", "is not a cursor this list gave you: ask for the first page again, without cursor");
    }

    /** The first MAC_BYTES of HMAC-SHA256 over version, scope and text, each length-prefixed. */
    private byte[] mac(CursorScope scope, byte[] body) {
        ByteArrayOutputStream in = new ByteArrayOutputStream(128);
        CursorScope.field(in, VERSION);
        scope.writeTo(in);
        CursorScope.field(in, body);
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " cannot be cloned", e);
        }
        return Arrays.copyOf(mac.doFinal(in.toByteArray()), MAC_BYTES);
    }
}
