package io.rigledger.tariff.quote;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored quote's id: a UUID version 7 (RFC 9562, section 5.7) made from the quote's time. */
class QuoteIdTest {

    private static final Instant AT = Instant.parse("2026-11-30T16:50:01.234Z");

    @Test
    void anIdIsVersion7WithTheQuotesMillisecondsFirst() {
        UUID id = QuoteService.timeOrderedId(AT);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC 9562 variant (binary 10)");
        assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16, "unix_ts_ms, the first 48 bits");
        String text = id.toString();
        assertEquals(String.format("%012x", AT.toEpochMilli()), text.substring(0, 8) + text.substring(9, 13),
                "the text form starts with the milliseconds in 12 hex digits: " + text);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndLaterIdsSortLater() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(QuoteService.timeOrderedId(AT));
        }
        assertEquals(10_000, ids.size(), "74 random bits each");
        UUID earlier = QuoteService.timeOrderedId(AT);
        UUID later = QuoteService.timeOrderedId(AT.plusMillis(1));
        // PostgreSQL orders uuid by its bytes, unsigned: the text form's order
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
    }
}
