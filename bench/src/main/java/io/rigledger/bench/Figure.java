package io.rigledger.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One measured figure of a benchmark run, side by side with the machine's own limit measured in the same run.
 *
 * <p>Shape (one TSV line of bench/run's results file): {@code figure<TAB>ours<TAB>limit<TAB>unit<TAB>goal[<TAB>run]},
 * e.g. {@code B1 orders/s vs pgbench TPS	412.5	1375.0	per s	>= 0.30x	c36cf68 quick 2026-11-30T11:02Z}. The
 * optional sixth field is the run the figure was measured in ({@link Run}), written by bench/run. {@code limit} is {@code -} when the goal
 * is absolute (a p99 in ms, a startup in s, an RSS in MiB). The goal is {@code >= N} or {@code <= N}; with a
 * trailing {@code x} it applies to ours / limit, without it to ours itself, in {@code unit}. The goals are issue
 * 12's (docs in the README's Benchmarks section).
 *
 * @param name the figure, e.g. {@code B3 batch registration rigs/s vs COPY}
 * @param ours what RigLedger measured, in {@code unit}
 * @param limit the machine's own limit in the same unit, or empty when the goal is absolute
 * @param unit the unit of ours and limit, e.g. {@code ms}, {@code MiB}, {@code per s}
 * @param goal the goal as written, or empty when the figure is only reported
 * @param run the run it was measured in, or empty when the line does not say
 */
public record Figure(String name, double ours, Optional<Double> limit, String unit, Optional<String> goal,
        Optional<Run> run) {

    /**
     * Parses one TSV line of five fields, or six with the run.
     *
     * @throws IllegalArgumentException when the line has not five or six fields, the run does not parse, a number does not parse, or the goal is
     *     not {@code >= N}, {@code <= N}, {@code >= Nx} or {@code <= Nx}
     */
    public static Figure parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5 && f.length != 6) {
            throw new IllegalArgumentException("a figure has 5 or 6 tab-separated fields, not " + f.length + ": "
                    + line);
        }
        Optional<Run> run = f.length == 6 ? Optional.of(Run.parse(f[5])) : Optional.empty();
        Optional<Double> limit = isBlank(f[2]) ? Optional.empty() : Optional.of(number(f[2], line));
        Optional<String> goal = isBlank(f[4]) ? Optional.empty() : Optional.of(f[4].trim());
        Figure figure = new Figure(f[0].trim(), number(f[1], line), limit, f[3].trim(), goal, run);
        goal.ifPresent(g -> Goal.parse(g));
        return figure;
    }

    /**
     * The goal as the report shows it, with its unit: {@code <= 1.5 s}, {@code <= 30 ms}, {@code >= 0.30x} (a
     * ratio carries its x); empty when there is no goal.
     */
    public Optional<String> goalWithUnit() {
        return goal.map(g -> Goal.parse(g).onRatio() || unit.isEmpty() ? g : g + " " + unit);
    }

    /** ours / limit, when a limit was measured and is not zero. */
    public Optional<Double> ratio() {
        return limit.filter(l -> l != 0).map(l -> ours / l);
    }

    /**
     * Whether the goal is met: empty when there is no goal, or when the goal is a ratio and no limit was measured.
     */
    public Optional<Boolean> met() {
        return goal.map(Goal::parse).flatMap(g -> g.onRatio() ? ratio().map(g::holds) : Optional.of(g.holds(ours)));
    }

    private static boolean isBlank(String s) {
        return s.isBlank() || s.trim().equals("-");
    }

    private static double number(String s, String line) {
        try {
            return Double.parseDouble(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "' in: " + line, e);
        }
    }

    /** A goal: at least or at most a bound, on ours / limit (a trailing x) or on ours itself. */
    record Goal(boolean atLeast, double bound, boolean onRatio) {

        static Goal parse(String text) {
            String t = text.replace(" ", "").toLowerCase(Locale.ROOT);
            boolean atLeast = t.startsWith(">=");
            if (!atLeast && !t.startsWith("<=")) {
                throw new IllegalArgumentException("a goal starts with >= or <=: " + text);
            }
            boolean onRatio = t.endsWith("x");
            String n = t.substring(2, onRatio ? t.length() - 1 : t.length());
            try {
                return new Goal(atLeast, Double.parseDouble(n), onRatio);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a goal: " + text, e);
            }
        }

        boolean holds(double value) {
            return atLeast ? value >= bound : value <= bound;
        }
    }
}
