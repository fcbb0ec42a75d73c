package io.rigledger.tariff.quote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A batch of stored quotes as the rows of one {@value #COPY} statement, in PostgreSQL's binary COPY
 * format (PostgreSQL documentation, "COPY", section "Binary Format"): an 11-byte signature, flags
 * and header extension (both 0), then per row a 16-bit field count and per field a 32-bit length (-1
 * for null) and the value in the type's binary send form, then -1 as the trailer. Values: uuid as
 * its 16 bytes; varchar and text as UTF-8 (the connection's client encoding); timestamptz as
 * microseconds since 2000-01-01T00:00:00Z; date as days since 2000-01-01; bigint as 8 bytes; all
 * big-endian. PostgreSQL takes each value as it is (no text parsing, no casts), and inserts the
 * rows with its multi-row insert.
 */
final class QuoteCopy {

    static final String COPY = "copy duty_quote (id, org, created_by, created_at, entry_date, schedule_version, "
            + "body) from stdin (format binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int FIELDS = 7;
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch of timestamps and dates. */
    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** Bytes of one row besides its three strings: field count, seven lengths, uuid, timestamptz, date, bigint. */
    private static final int FIXED_ROW = 2 + FIELDS * 4 + 16 + 8 + 4 + 8;

    private QuoteCopy() {
    }

    /**
     * The COPY data of {@code quotes}, header to trailer. A null string is sent as SQL null (org is
     * the one nullable column: PostgreSQL refuses the whole COPY for a null elsewhere).
     */
    static byte[] rows(List<StoredQuote> quotes) {
        byte[][] text = new byte[quotes.size() * 3][];
        int size = SIGNATURE.length + 4 + 4 + 2;
        for (int i = 0; i < quotes.size(); i++) {
            StoredQuote q = quotes.get(i);
            text[i * 3] = utf8(q.org);
            text[i * 3 + 1] = utf8(q.createdBy);
            text[i * 3 + 2] = utf8(q.body);
            size += FIXED_ROW;
            for (int f = i * 3; f < i * 3 + 3; f++) {
                size += text[f] == null ? 0 : text[f].length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(SIGNATURE).putInt(0).putInt(0);
        for (int i = 0; i < quotes.size(); i++) {
            StoredQuote q = quotes.get(i);
            out.putShort((short) FIELDS);
            out.putInt(16).putLong(q.id.getMostSignificantBits()).putLong(q.id.getLeastSignificantBits());
            put(out, text[i * 3]);
            put(out, text[i * 3 + 1]);
            out.putInt(8).putLong(micros(q.createdAt));
            out.putInt(4).putInt(Math.toIntExact(q.entryDate.toEpochDay() - PG_EPOCH_DAY));
            out.putInt(8).putLong(q.scheduleVersion);
            put(out, text[i * 3 + 2]);
        }
        out.putShort((short) -1);
        return out.array();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer out, byte[] value) {
        if (value == null) {
            out.putInt(-1);
        } else {
            out.putInt(value.length).put(value);
        }
    }

    /** Microseconds since PostgreSQL's epoch (quotes' instants are whole milliseconds). */
    private static long micros(Instant at) {
        long seconds = at.getEpochSecond() - PG_EPOCH.getEpochSecond();
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), at.getNano() / 1_000L);
    }
}
