package io.rigledger.tariff.refund;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CAPE files hold at most 9,999 entry numbers each, under the one header "Entry Number". */
class CapeFilesTest {

    static List<List<String>> unzip(byte[] zip, List<String> names) throws IOException {
        List<List<String>> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                files.add(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")));
            }
        }
        return files;
    }

    @Test
    void twentyThousandEntryNumbersMakeThreeFilesSplitAt9999() throws IOException {
        List<String> numbers = IntStream.range(0, 20_000).mapToObj(i -> "AB1%07d%d".formatted(i, i % 10)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapeFiles.zip(numbers, CapeFiles.MAX_ROWS, out);
        List<String> names = new ArrayList<>();
        List<List<String>> files = unzip(out.toByteArray(), names);
        assertEquals(List.of("cape-entries-001.csv", "cape-entries-002.csv", "cape-entries-003.csv"), names);
        assertEquals(List.of(10_000, 10_000, 3), files.stream().map(List::size).toList());
        files.forEach(f -> assertEquals("Entry Number", f.get(0)));
        assertEquals(numbers.get(9_998), files.get(0).get(9_999));
        assertEquals(numbers.get(9_999), files.get(1).get(1));
        assertEquals(numbers.get(19_999), files.get(2).get(2));
        assertEquals(3, CapeFiles.files(20_000, 9_999));
        assertEquals(1, CapeFiles.files(9_999, 9_999));
        assertEquals(2, CapeFiles.files(10_000, 9_999));
    }
}
