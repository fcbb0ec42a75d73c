package io.rigledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one bench/run wrote: the figures in the order measured and the plot points. Blank lines and lines starting
 * with {@code #} are skipped.
 *
 * @param figures the figures, in file order
 * @param points the plot points, in file order
 */
public record Results(List<Figure> figures, List<Point> points) {

    /**
     * Reads a results TSV.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line number when a line does not parse
     */
    public static Results read(Path tsv) throws IOException {
        return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8));
    }

    /**
     * Parses the lines of a results TSV.
     *
     * @throws IllegalArgumentException naming the line number when a line does not parse
     */
    public static Results parse(List<String> lines) {
        List<Figure> figures = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("point\t")) {
                    points.add(Point.parse(line));
                } else {
                    figures.add(Figure.parse(line));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Results(List.copyOf(figures), List.copyOf(points));
    }
}
