package io.rigledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {

    private static final List<String> SAMPLE = List.of(
            "# written by bench/run",
            "B1 orders/s vs pgbench TPS\t412.5\t1375\tper s\t>= 0.30x",
            "B1 p99 at 50% load\t41.7\t-\tms\t<= 30",
            "B2 summary p50 at 10,000 rigs vs GROUP BY\t2.1\t5.25\tms\t<= 0.1x",
            "B5 tariff-service RSS after start\t180\t\tMiB\t<= 256",
            "B6 rows\t100000\t-\trows\t",
            "point\tB1\tp50\t100\t3.1",
            "point\tB1\tp50\t200\t4.5",
            "point\tB1\tp99\t100\t9.0",
            "point\tB1\tp99\t200\t41.7",
            "point\tB2\tAPI\t10000\t2.1",
            "point\tB2\tAPI\t100000\t2.3",
            "point\tB2\traw GROUP BY\t10000\t5.25",
            "point\tB2\traw GROUP BY\t100000\t48.0");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void ratioIsOursOverLimitAndGoalsOnRatiosOrOnOurs() {
        Results r = Results.parse(SAMPLE);
        assertEquals(5, r.figures().size());
        Figure b1 = r.figures().get(0);
        assertEquals(0.3, b1.ratio().orElseThrow(), 1e-9);
        assertEquals(Optional.of(true), b1.met());
        assertEquals(Optional.of(false), r.figures().get(1).met(), "41.7 ms is over a 30 ms p99 goal");
        assertEquals(Optional.empty(), r.figures().get(1).ratio());
        assertEquals(0.4, r.figures().get(2).ratio().orElseThrow(), 1e-9);
        assertEquals(Optional.of(false), r.figures().get(2).met(), "0.4x is over a 0.1x goal");
        assertEquals(Optional.of(true), r.figures().get(3).met());
        assertEquals(Optional.empty(), r.figures().get(4).met(), "no goal, nothing judged");
    }

    @Test
    void aRatioGoalWithoutALimitIsNotJudged() {
        Figure f = Figure.parse("B3 rigs/s vs COPY\t900\t-\tper s\t>= 0.3x");
        assertEquals(Optional.empty(), f.met());
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() {
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> Results.parse(List.of("B1\t1\t2\tms")));
        assertTrue(fields.getMessage().startsWith("line 1:"), fields.getMessage());
        IllegalArgumentException goal = assertThrows(IllegalArgumentException.class,
                () -> Results.parse(List.of("", "B1\t1\t2\tms\t= 3")));
        assertTrue(goal.getMessage().startsWith("line 2:"), goal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Results.parse(List.of("B1\tfast\t2\tms\t<= 3")));
        assertThrows(IllegalArgumentException.class, () -> Results.parse(List.of("point\tB1\tp50\t1")));
    }

    @Test
    void writesTheTableAndPlotsThatDecode(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("in.tsv");
        Files.write(tsv, SAMPLE, StandardCharsets.UTF_8);
        Path out = dir.resolve("2026-11-29");
        Path report = ReportMain.write(tsv, out, "Benchmark 2026-11-29", List.of("2 cores, load average 1.0"));

        String md = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(md.contains("| figure | ours | limit | ratio | goal | met |"), md);
        assertTrue(md.contains("| B1 orders/s vs pgbench TPS | 413 per s | 1,375 per s | 0.300 | >= 0.30x | met |"), md);
        assertTrue(md.contains("| B1 p99 at 50% load | 41.70 ms | - | - | <= 30 ms | **not met** |"), md);
        assertTrue(md.contains("| B6 rows | 100,000 rows | - | - | - | - |"), md);
        assertTrue(md.contains("2 of 4 goals met."), md);
        assertTrue(md.contains("- 2 cores, load average 1.0"), md);
        assertTrue(md.contains("![B1.png](B1.png)") && md.contains("![B2.png](B2.png)"), md);
        assertEquals(SAMPLE, Files.readAllLines(out.resolve("results.tsv"), StandardCharsets.UTF_8));
        for (String png : List.of("B1.png", "B2.png")) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertNotNull(image, png + " does not decode");
            assertEquals(800, image.getWidth());
            assertEquals(500, image.getHeight());
        }
    }

    @Test
    void aPointWithoutThroughputIsNotDrawnButTheOthersAre(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("in.tsv");
        Files.write(tsv, List.of("point\tB1\tp50\t0.00\t0", "point\tB1\tp50\t10\t5"), StandardCharsets.UTF_8);
        ReportMain.write(tsv, dir.resolve("out"), "t", List.of());
        assertNotNull(ImageIO.read(dir.resolve("out/B1.png").toFile()));
        assertEquals(1, Plots.data(Results.read(tsv).points()).getItemCount(0));
    }

    @Test
    void noPointsNoPlots(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("in.tsv");
        Files.write(tsv, List.of("B5 startup\t1.2\t-\ts\t<= 1.5"), StandardCharsets.UTF_8);
        Path report = ReportMain.write(tsv, dir.resolve("out"), "t", List.of());
        assertTrue(Files.readString(report).contains("1 of 1 goals met."));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(0, files.filter(p -> p.toString().endsWith(".png")).count());
        }
    }
}
