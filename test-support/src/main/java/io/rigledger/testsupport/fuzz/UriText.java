package io.rigledger.testsupport.fuzz;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments and query values (RFC 3986 unreserved characters stay as they are). */
final class UriText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriText() {
    }

    /** Every character but A-Z a-z 0-9 - . _ ~ as %XX of its UTF-8 bytes (unpaired surrogates become '?'). */
    static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Arbitrary bytes (also invalid UTF-8) as a percent-encoded segment. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
