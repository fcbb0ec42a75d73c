package io.rigledger.platform.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629) for JSON bodies (RFC 8259 section 8.1), checked with the JDK's decoder
 * reporting every malformed sequence: overlong forms such as C0 AF, surrogates encoded in UTF-8,
 * truncated sequences and stray continuation bytes. A NUL byte is refused too: it is never part of
 * UTF-8 JSON text, and would let a UTF-16 body pass.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Why these bytes are not UTF-8 JSON text, naming the byte offset, or null when they are. */
    public static String problemOf(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return "the body must be UTF-8 JSON: a NUL byte at offset " + i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return "the body is not valid UTF-8: a malformed byte sequence at offset " + in.position();
            }
            if (!result.isOverflow()) {
                break;
            }
            out.clear();
        }
        while (decoder.flush(out).isOverflow()) {
            out.clear();
        }
        return null;
    }
}
