package io.rigledger.platform.json;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Utf8Test {

    @Property
    void textTheJdkEncodesIsUtf8(@ForAll String text) {
        String withoutNul = text.replace('\u0000', ' ');
        byte[] bytes = withoutNul.getBytes(StandardCharsets.UTF_8);
        // the encoder writes '?' for an unpaired surrogate, so every String encodes to valid UTF-8
        assertNull(Utf8.problemOf(bytes));
    }

    @Test
    void anOverlongSlashIsMalformedAtItsOffset() {
        byte[] body = {'"', 'a', 'b', (byte) 0xC0, (byte) 0xAF, 'c', 'd', '"'};
        assertEquals("the body is not valid UTF-8: a malformed byte sequence at offset 3", Utf8.problemOf(body));
    }

    @Test
    void everyKindOfMalformedSequenceIsRefused() {
        byte[][] bodies = {
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},                 // overlong, three bytes
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},    // overlong, four bytes
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                 // a UTF-16 surrogate in UTF-8
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},    // beyond U+10FFFF
                {'a', (byte) 0xE2, (byte) 0x82},                          // truncated at the end
                {(byte) 0x80},                                            // a stray continuation byte
                {(byte) 0xFF}};
        for (byte[] body : bodies) {
            assertEquals(true, Utf8.problemOf(body).startsWith("the body is not valid UTF-8"));
        }
    }

    @Test
    void aNulByteIsRefusedSoAUtf16BodyCannotPass() {
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("the body must be UTF-8 JSON: a NUL byte at offset 1", Utf8.problemOf(utf16));
    }

    @Test
    void largeValidBodiesPass() {
        assertNull(Utf8.problemOf("\u20ac\u00f4\ud83d\ude00".repeat(10_000).getBytes(StandardCharsets.UTF_8)));
    }
}
