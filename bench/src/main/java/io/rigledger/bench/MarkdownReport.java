package io.rigledger.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Markdown report of one run: a heading, the run's notes (machine, load average, sizes), the runs the figures
 * came from (commit, sizes, date; a BENCH_ONLY rerun keeps the other steps' figures) and one table row per figure:
 * figure (with its run's number when there are several), ours, limit, ratio (ours / limit), goal with its unit, met
 * or not; then links to the plots.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * Renders the report.
     *
     * @param title the heading, e.g. {@code Benchmark 2026-11-29 (quick run)}
     * @param notes lines printed as a list under the heading (machine, load average, sizes); may be empty
     * @param results the run's figures
     * @param plots file names of the plots beside REPORT.md, linked as images
     * @return the Markdown text, ending with a newline
     */
    public static String render(String title, List<String> notes, Results results, List<String> plots) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        List<Run> runs = results.runs();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            md.append("- figures from run ").append(i + 1).append(": ").append(run.describe()).append(" (")
                    .append(steps(results, run)).append(")\n");
        }
        if (!notes.isEmpty() || !runs.isEmpty()) {
            md.append('\n');
        }
        md.append("| figure | ours | limit | ratio | goal | met |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (Figure f : results.figures()) {
            String from = runs.size() > 1 ? f.run().map(r -> " (run " + (runs.indexOf(r) + 1) + ")").orElse("") : "";
            md.append("| ").append(f.name()).append(from)
                    .append(" | ").append(number(f.ours())).append(' ').append(f.unit())
                    .append(" | ").append(f.limit().map(l -> number(l) + " " + f.unit()).orElse("-"))
                    .append(" | ").append(f.ratio().map(r -> String.format(Locale.ROOT, "%.3f", r)).orElse("-"))
                    .append(" | ").append(f.goalWithUnit().orElse("-"))
                    .append(" | ").append(f.met().map(m -> m ? "met" : "**not met**").orElse("-"))
                    .append(" |\n");
        }
        long missed = results.figures().stream().filter(f -> f.met().orElse(true).equals(false)).count();
        long judged = results.figures().stream().filter(f -> f.met().isPresent()).count();
        md.append('\n').append(judged - missed).append(" of ").append(judged).append(" goals met.\n");
        for (String plot : plots) {
            md.append("\n![").append(plot).append("](").append(plot).append(")\n");
        }
        return md.toString();
    }

    /** The steps (B1 ... B6) whose figures came from the run, e.g. {@code B1, B5}. */
    private static String steps(Results results, Run run) {
        return results.figures().stream().filter(f -> f.run().equals(Optional.of(run)))
                .map(f -> f.name().split(" ", 2)[0]).distinct().collect(Collectors.joining(", "));
    }

    /** Two decimals below 100, none above; thousands separated. */
    static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
