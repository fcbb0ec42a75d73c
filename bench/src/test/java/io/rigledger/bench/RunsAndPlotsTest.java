package io.rigledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsAndPlotsTest {

    private static final String FIRST = "035ba88 goal 2026-11-30T06:00Z";
    private static final String SECOND = "79a7388 goal 2026-11-30T07:53Z";

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theHeaderNamesEachRunAndKeptFiguresSayWhichRun(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("in.tsv");
        Files.write(tsv, List.of(
                "B1 orders/s vs pgbench TPS\t412.5\t1375\tper s\t>= 0.30x\t" + SECOND,
                "B5 tariff-service ready after launch (JDK 17)\t9.6\t-\ts\t<= 1.5\t" + FIRST,
                "B5 tariff-service RSS peak under the benches' load\t300\t-\tMiB\t<= 256\t" + FIRST,
                "point\tB1\tp99\t100\t9.0\t" + SECOND), StandardCharsets.UTF_8);
        String md = Files.readString(ReportMain.write(tsv, dir.resolve("out"), "t", List.of()));
        assertTrue(md.contains("- figures from run 1: commit 79a7388, goal sizes, 2026-11-30T07:53Z (B1)"), md);
        assertTrue(md.contains("- figures from run 2: commit 035ba88, goal sizes, 2026-11-30T06:00Z (B5)"), md);
        assertTrue(md.contains("| B5 tariff-service ready after launch (JDK 17) (run 2) | 9.60 s | - | - | <= 1.5 s |"),
                md);
        assertTrue(md.contains("| B1 orders/s vs pgbench TPS (run 1) | 413 per s | 1,375 per s | 0.300 | >= 0.30x |"),
                md);
        assertTrue(md.contains("| 300 MiB | - | - | <= 256 MiB | **not met** |"), md);
    }

    @Test
    void oneRunNoRunNumbersInTheTable() {
        Results r = Results.parse(List.of("B5 x\t1\t-\ts\t<= 1.5\t" + FIRST, "B6 y\t2\t-\ts\t<= 2\t" + FIRST));
        String md = MarkdownReport.render("t", List.of(), r, List.of());
        assertTrue(md.contains("- figures from run 1: commit 035ba88, goal sizes, 2026-11-30T06:00Z (B5, B6)"), md);
        assertFalse(md.contains("(run 1)"), md);
    }

    @Test
    void quickAndGoalSizeFiguresAreNotMixed(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("in.tsv");
        Files.write(tsv, List.of("B1 a\t1\t-\tms\t<= 30\tc36cf68 quick 2026-11-30T11:02Z",
                "B5 b\t1\t-\ts\t<= 1.5\t" + FIRST), StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportMain.write(tsv, dir.resolve("out"), "t", List.of()));
        assertTrue(e.getMessage().contains("mix quick and goal-size figures"), e.getMessage());
        assertTrue(e.getMessage().contains("commit c36cf68, quick sizes"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aBadRunFieldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("B1 a\t1\t-\tms\t<= 30\tc36cf68 fast now"));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("point\tB1\tp50\t1\t2\tc36cf68"));
    }

    @Test
    void b2HasLogAxesTickedAtFleetSizes() {
        List<Point> points = Results.parse(List.of("point\tB2\tAPI\t10000\t2.1", "point\tB2\tAPI\t1000000\t2.5",
                "point\tB2\traw GROUP BY\t10000\t5", "point\tB2\traw GROUP BY\t1000000\t480")).points();
        XYPlot plot = Plots.chart("B2", points).getXYPlot();
        LogAxis ms = assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertEquals(1, ms.getTickUnit().getSize(), 1e-9, "time ticked at 1, 10, 100 ms");
        LogAxis rigs = assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals(1, rigs.getTickUnit().getSize(), 1e-9, "one tick per power of ten");
        assertEquals(List.of("10k", "100k", "1M", "500", "2.5M"),
                List.of(10_000, 100_000, 1_000_000, 500, 2_500_000).stream().map(Plots.Counts::label).toList());
    }

    @Test
    void b1HasALineAtThe30MsGoalInView() {
        List<Point> points = Results.parse(List.of("point\tB1\tp99\t100\t3", "point\tB1\tp99\t200\t9")).points();
        JFreeChart chart = Plots.chart("B1", points);
        XYPlot plot = chart.getXYPlot();
        ValueMarker goal = (ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(30, goal.getValue(), 1e-9);
        assertTrue(plot.getRangeAxis().getUpperBound() > 30, "the goal line is within the axis");
    }
}
