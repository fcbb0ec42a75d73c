package io.rigledger.bench;

import java.util.Locale;

/**
 * The run a figure was measured in, as bench/run writes it in a results TSV's sixth field:
 * {@code <commit> <quick|goal> <UTC date-time>}, e.g. {@code c36cf68 quick 2026-11-30T11:02Z}. A rerun of some steps
 * (BENCH_ONLY) keeps the other steps' figures with the run they came from.
 *
 * @param commit the short commit hash the run was made at, or {@code unknown}
 * @param quick true for a quick run (small sizes), false for the goal sizes
 * @param date when the run started, ISO-8601 UTC as written
 */
public record Run(String commit, boolean quick, String date) {

    /**
     * Parses the field.
     *
     * @throws IllegalArgumentException when it has not three space-separated words or the second is neither
     *     {@code quick} nor {@code goal}
     */
    public static Run parse(String text) {
        String[] w = text.trim().split(" +");
        if (w.length != 3 || !(w[1].equals("quick") || w[1].equals("goal"))) {
            throw new IllegalArgumentException("a run is '<commit> <quick|goal> <date>', not '" + text + "'");
        }
        return new Run(w[0], w[1].equals("quick"), w[2]);
    }

    /** The sizes in words: {@code quick sizes} or {@code goal sizes}. */
    public String sizes() {
        return quick ? "quick sizes" : "goal sizes";
    }

    /** As the report's header shows it: {@code commit c36cf68, quick sizes, 2026-11-30T11:02Z}. */
    public String describe() {
        return String.format(Locale.ROOT, "commit %s, %s, %s", commit, sizes(), date);
    }
}
