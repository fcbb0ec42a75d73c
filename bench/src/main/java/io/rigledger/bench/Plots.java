package io.rigledger.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG line charts of a run's plot points, drawn with JFreeChart: {@code B1} latency (ms) against throughput
 * (orders/s) with a line at the 30 ms p99 goal (issue 12), {@code B2} time (ms, log scale, so the API's few ms show
 * next to the raw GROUP BY's hundreds) against fleet size (rigs, log scale, ticks at 10k, 100k, 1M), any other plot
 * with generic axes. A point at x &lt;= 0 (no throughput: nothing measured) is not drawn.
 */
public final class Plots {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    /** B1's goal: p99 at most 30 ms at half the maximum rate (issue 12). */
    static final double B1_P99_GOAL_MS = 30;

    private Plots() {
    }

    /**
     * Writes one PNG per plot named in the points, {@code <plot>.png} in {@code dir} (e.g. {@code B1.png}).
     *
     * @return the file names written, in plot order
     * @throws IOException when a file cannot be written
     */
    public static List<String> write(List<Point> points, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (String plot : new TreeSet<>(points.stream().map(Point::plot).toList())) {
            String name = plot.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
            JFreeChart chart = chart(plot, points.stream().filter(p -> p.plot().equals(plot)).toList());
            ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), chart, WIDTH, HEIGHT);
            names.add(name);
        }
        return names;
    }

    /** The plot's series, one per series name in point order; points at x &lt;= 0 left out. */
    static XYSeriesCollection data(List<Point> points) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Point p : points) {
            if (p.x() <= 0) {
                // nothing was measured there (a paced wrk run in which no request finished)
                continue;
            }
            series.computeIfAbsent(p.series(), s -> new XYSeries(s, true, true)).add(p.x(), p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        return data;
    }

    static JFreeChart chart(String plot, List<Point> points) {
        XYSeriesCollection data = data(points);
        String title;
        String x;
        String y;
        switch (plot) {
            case "B1" -> {
                title = "B1 order placement: latency against throughput";
                x = "orders/s";
                y = "latency (ms)";
            }
            case "B2" -> {
                title = "B2 fleet summary: time against fleet size";
                x = "rigs";
                y = "p50 (ms)";
            }
            default -> {
                title = plot;
                x = "x";
                y = "y";
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot xy = chart.getXYPlot();
        xy.setRenderer(new XYLineAndShapeRenderer(true, true));
        if (plot.equals("B2")) {
            LogAxis rigs = new LogAxis(x);
            rigs.setSmallestValue(1);
            rigs.setTickUnit(new NumberTickUnit(1));
            rigs.setMinorTickCount(0);
            rigs.setNumberFormatOverride(new Counts());
            xy.setDomainAxis(rigs);
            LogAxis ms = new LogAxis(y + ", log scale");
            ms.setSmallestValue(0.01);
            ms.setTickUnit(new NumberTickUnit(1));
            ms.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            xy.setRangeAxis(ms);
        }
        if (plot.equals("B1")) {
            ValueMarker goal = new ValueMarker(B1_P99_GOAL_MS, Color.RED, new BasicStroke(1.5f));
            goal.setLabel("p99 goal " + (int) B1_P99_GOAL_MS + " ms");
            goal.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            goal.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            xy.addRangeMarker(goal);
            double top = data.getSeriesCount() == 0 ? 0 : data.getRangeUpperBound(false);
            xy.getRangeAxis().setRange(0, Math.max(top, B1_P99_GOAL_MS) * 1.1);
        }
        return chart;
    }

    /** Tick labels for counts: 10k, 100k, 1M (below 1,000 the number itself). Formatting only; parse answers null. */
    static final class Counts extends NumberFormat {

        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(label(number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }

        static String label(double n) {
            double a = Math.abs(n);
            if (a >= 1e6) {
                return trim(n / 1e6) + "M";
            }
            return a >= 1e3 ? trim(n / 1e3) + "k" : trim(n);
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
        }
    }
}
