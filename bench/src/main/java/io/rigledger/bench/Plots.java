package io.rigledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG line charts of a run's plot points, drawn with JFreeChart: {@code B1} latency (ms) against throughput
 * (orders/s), {@code B2} time (ms) against fleet size (rigs, log scale), any other plot with generic axes. A point
 * at x &lt;= 0 (no throughput: nothing measured) is not drawn.
 */
public final class Plots {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

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

    private static JFreeChart chart(String plot, List<Point> points) {
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
            xy.setDomainAxis(rigs);
        }
        return chart;
    }
}
