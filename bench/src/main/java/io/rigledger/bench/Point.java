package io.rigledger.bench;

import java.util.Optional;

/**
 * One point of a plot: TSV line {@code point<TAB>plot<TAB>series<TAB>x<TAB>y[<TAB>run]} (the run it was measured in,
 * {@link Run}, is not drawn), e.g.
 * {@code point	B1	p99	412.5	18.3} (orders/s, ms) or {@code point	B2	raw GROUP BY	100000	41.2} (rigs, ms).
 *
 * @param plot which plot: {@code B1} (latency in ms against orders/s) or {@code B2} (time in ms against rigs);
 *     others are drawn with generic axes
 * @param series the line the point belongs to, e.g. {@code p50}, {@code API}
 * @param x the x value in the plot's unit
 * @param y the y value in the plot's unit
 * @param run the run it was measured in, or empty when the line does not say
 */
public record Point(String plot, String series, double x, double y, Optional<Run> run) {

    /**
     * Parses one TSV line starting with {@code point}.
     *
     * @throws IllegalArgumentException when the line has not five or six fields or x or y does not parse
     */
    public static Point parse(String line) {
        String[] f = line.split("\t", -1);
        if ((f.length != 5 && f.length != 6) || !f[0].equals("point")) {
            throw new IllegalArgumentException("a point is point<TAB>plot<TAB>series<TAB>x<TAB>y[<TAB>run]: " + line);
        }
        try {
            return new Point(f[1].trim(), f[2].trim(), Double.parseDouble(f[3].trim()), Double.parseDouble(f[4].trim()),
                    f.length == 6 ? Optional.of(Run.parse(f[5])) : Optional.empty());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in: " + line, e);
        }
    }
}
