package io.rigledger.tariff.refund;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The CAPE upload files (CBP's IEEPA refund portal, live 2026-04-20): CSV with one column "Entry
 * Number" and at most {@value #MAX_ROWS} entry numbers per file (docs/domain.md step 6), numbered
 * cape-entries-001.csv, -002 ... and packed in one zip. Lines end in CRLF (RFC 4180).
 */
public final class CapeFiles {

    /** CAPE's limit of entry numbers per file. */
    public static final int MAX_ROWS = 9_999;
    public static final String HEADER = "Entry Number";

    private CapeFiles() {
    }

    /** How many files {@code count} entry numbers need (at least one, which may hold only the header). */
    public static int files(int count, int maxRows) {
        return Math.max(1, (count + maxRows - 1) / maxRows);
    }

    /** Writes the zip of {@code numbers} (as CAPE wants them, 11 characters) split at {@code maxRows}. */
    public static void zip(List<String> numbers, int maxRows, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        int files = files(numbers.size(), maxRows);
        for (int f = 0; f < files; f++) {
            zip.putNextEntry(new ZipEntry("cape-entries-%03d.csv".formatted(f + 1)));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            w.write(HEADER + "\r\n");
            for (int i = f * maxRows; i < Math.min(numbers.size(), (f + 1) * maxRows); i++) {
                w.write(numbers.get(i));
                w.write("\r\n");
            }
            w.flush();
            zip.closeEntry();
        }
        zip.finish();
    }
}
