package io.rigledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
     * @throws IllegalArgumentException naming the line number when a line does not parse, or naming the runs when
     *     figures of a quick run and of a goal-size run are mixed (their numbers do not compare)
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
        Results results = new Results(List.copyOf(figures), List.copyOf(points));
        Set<Boolean> kinds = results.runs().stream().map(Run::quick).collect(Collectors.toSet());
        if (kinds.size() > 1) {
            throw new IllegalArgumentException("the results mix quick and goal-size figures, which do not compare: "
                    + results.runs().stream().map(Run::describe).collect(Collectors.joining("; "))
                    + "; rerun every step at one size");
        }
        return results;
    }

    /** The runs the figures and points were measured in, in order of first appearance; empty when none is named. */
    public List<Run> runs() {
        Set<Run> runs = new LinkedHashSet<>();
        Stream.concat(figures.stream().map(Figure::run), points.stream().map(Point::run))
                .flatMap(Optional::stream).forEach(runs::add);
        return List.copyOf(runs);
    }
}
