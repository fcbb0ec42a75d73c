package io.rigledger.platform.paging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a cursor is bound to: the list, the values of its filter and, for a list of an organisation's
 * rows, that organisation. {@link Paging} signs a cursor over its scope and refuses it (400 naming
 * cursor) under any other, so a cursor issued to org B, or for another list or filter, names no
 * position anywhere else.
 *
 * <p>The organisation is passed by the resource, not read by Paging from the token: it must be the
 * very value that scopes the list's query, which is the caller's own organisation for a person but
 * the X-On-Behalf-Of-Org (or {@code organisation} parameter) a service account names. A list shared by
 * every organisation (duty rates, rig models) is {@link #global}: its rows are the same for everyone.
 */
public final class CursorScope {

    private final String list;
    private final String org;
    private final byte[] encoded;

    private CursorScope(String list, String org, Object[] filter) {
        this.list = list;
        this.org = org;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        field(out, org == null ? "global" : "org");
        field(out, org == null ? "" : org);
        field(out, list);
        field(out, Integer.toString(filter.length));
        for (Object value : filter) {
            if (value == null) {
                out.write(0); // absent, distinct from an empty value (length 0 below)
            } else {
                out.write(1);
                field(out, value.toString());
            }
        }
        this.encoded = out.toByteArray();
    }

    /**
     * A list of {@code org}'s rows.
     *
     * @param org    the organisation the list's query is scoped by (never null or blank)
     * @param list   the list's name, e.g. "purchase-orders" or "rig-history:42" (the rig's number)
     * @param filter the list's filter values in a fixed order, null for a filter not given
     */
    public static CursorScope of(String org, String list, Object... filter) {
        if (org == null || org.isBlank()) {
            throw new IllegalArgumentException("an organisation's list needs the organisation: " + list);
        }
        return new CursorScope(Objects.requireNonNull(list, "list"), org, filter);
    }

    /** A list every organisation sees the same (duty rates, rig models), bound to its name and filter only. */
    public static CursorScope global(String list, Object... filter) {
        return new CursorScope(Objects.requireNonNull(list, "list"), null, filter);
    }

    /** The list's name. */
    public String list() {
        return list;
    }

    /** The organisation, or null for a {@link #global} list. */
    public String org() {
        return org;
    }

    /** The bytes the cursor's MAC covers for this scope (each field length-prefixed, so no two scopes share them). */
    void writeTo(ByteArrayOutputStream out) {
        out.write(encoded, 0, encoded.length);
    }

    static void field(ByteArrayOutputStream out, String value) {
        field(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static void field(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    @Override
    public String toString() {
        return org == null ? list : list + " of " + org;
    }
}
