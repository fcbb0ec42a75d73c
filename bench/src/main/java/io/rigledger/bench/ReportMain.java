package io.rigledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * bench/run's report maker: {@code java -cp ... io.rigledger.bench.ReportMain <results.tsv> <out-dir> <title>
 * [note ...]} writes {@code <out-dir>/REPORT.md} (the table of figures with ratios and goals met or not), the PNG
 * plots beside it, and a copy of the TSV ({@code results.tsv}), then prints the report.
 */
public final class ReportMain {

    private ReportMain() {
    }

    /**
     * Writes the report.
     *
     * @param args the results TSV, the output folder (created), the title, then notes
     * @throws IOException when the TSV cannot be read or the report written
     * @throws IllegalArgumentException when fewer than three arguments are given; a TSV line that does not parse
     *     or quick and goal-size figures mixed end the program with the message and exit code 1, nothing written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ReportMain <results.tsv> <out-dir> <title> [note ...]");
        }
        System.setProperty("java.awt.headless", "true");
        try {
            Results.read(Path.of(args[0]));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Path out = write(Path.of(args[0]), Path.of(args[1]), args[2], Arrays.asList(args).subList(3, args.length));
        System.out.print(Files.readString(out, StandardCharsets.UTF_8));
    }

    /**
     * Reads the TSV and writes REPORT.md, the plots and results.tsv into {@code dir}.
     *
     * @return the path of REPORT.md
     * @throws IOException when the TSV cannot be read or a file written
     * @throws IllegalArgumentException when a line does not parse or quick and goal-size figures are mixed (nothing
     *     written then)
     */
    public static Path write(Path tsv, Path dir, String title, List<String> notes) throws IOException {
        Results results = Results.read(tsv);
        Files.createDirectories(dir);
        List<String> plots = Plots.write(results.points(), dir);
        Path copy = dir.resolve("results.tsv");
        if (!Files.exists(copy) || !Files.isSameFile(tsv, copy)) {
            Files.copy(tsv, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        Path report = dir.resolve("REPORT.md");
        Files.writeString(report, MarkdownReport.render(title, notes, results, plots), StandardCharsets.UTF_8);
        return report;
    }
}
