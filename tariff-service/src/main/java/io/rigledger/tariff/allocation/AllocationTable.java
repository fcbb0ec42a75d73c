package io.rigledger.tariff.allocation;

import io.rigledger.tariff.entry.Ledger;
import io.rigledger.tariff.entry.SummaryView;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry's duty per layer and fees over its purchase-order lines (pure): one column per layer
 * (program and Chapter 99 heading; MFN by program; MPF and HMF), one row per order line in tie order
 * (line number, then purchase-order id). A column's amount is what the entry owes of that layer:
 * as declared, plus the {@code changes} CBP made since (a supplementary bill, a liquidation, an
 * origin audit, a refund; USD, either sign), kept per 7501 line. Exact shares: what a 7501 line owes
 * of a layer (declared on it plus the changes on it, e.g. Section 301 after an audit to China of a
 * Malaysian line) goes to the order lines on that 7501 line only, by the entry's basis (value,
 * quantity or manual shares); the fees to every order line by the basis. The table is then rounded with {@link ControlledRounding}: each cell, each line's duty,
 * fees and total within a cent of its exact share, each column adding up exactly.
 */
public final class AllocationTable {

    /** One column: the layer, what was declared of it and what is owed now, USD. */
    public record Column(String key, String program, String heading, BigDecimal declared, BigDecimal owed) {

        /** MPF and HMF are fees; every other column is duty. */
        public boolean fee() {
            return isFee(program);
        }
    }

    private final List<Ledger.Cell> rows;
    private final List<Column> columns;
    private final long[][] cents;
    private final boolean[][] shared;

    private AllocationTable(List<Ledger.Cell> rows, List<Column> columns, long[][] cents, boolean[][] shared) {
        this.rows = rows;
        this.columns = columns;
        this.cents = cents;
        this.shared = shared;
    }

    /** The layer key of the ledger and the liquidation: the program for MFN, else program and heading. */
    public static String key(String program, String heading) {
        return program.equals("MFN") ? "MFN" : program + "|" + (heading == null ? "" : heading);
    }

    /**
     * The table of {@code summary} with {@code changes} (per layer and 7501 line, USD) applied: each
     * 7501 line owes what it declared of a layer plus what changed on that line, and only the order lines
     * on that line share it; fees go over every order line.
     */
    public static AllocationTable of(SummaryView summary, List<LineChange> changes) {
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Cell> rows = ledger.cells();
        int scale = rows.stream().mapToInt(c -> Math.max(0, c.weight().stripTrailingZeros().scale())).max().orElse(0);
        BigInteger[] weight = rows.stream().map(c -> c.weight().movePointRight(scale).toBigIntegerExact()).toArray(BigInteger[]::new);
        Map<String, Map<Integer, BigInteger>> declaredByLine = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (SummaryView.LineView line : summary.lines()) {
            for (SummaryView.Amounts layer : line.layers()) {
                String key = key(layer.key(), layer.heading());
                names.putIfAbsent(key, new String[] {layer.key(), layer.heading() == null ? "" : layer.heading()});
                declaredByLine.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(line.lineNumber(), cents(layer.declared()), BigInteger::add);
            }
        }
        for (SummaryView.Amounts fee : summary.fees()) {
            String key = key(fee.key(), "");
            names.putIfAbsent(key, new String[] {fee.key(), ""});
            declaredByLine.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(0, cents(fee.declared()), BigInteger::add);
        }
        Map<String, Map<Integer, BigInteger>> owedByLine = new LinkedHashMap<>();
        declaredByLine.forEach((key, byLine) -> owedByLine.put(key, new LinkedHashMap<>(byLine)));
        for (LineChange change : changes) {
            String key = key(change.program(), change.heading());
            names.putIfAbsent(key, new String[] {change.program(), change.heading()});
            // fees are owed by the entry as a whole, never by a 7501 line
            int line = isFee(change.program()) ? 0 : change.entryLine();
            owedByLine.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(line, cents(change.amount()), BigInteger::add);
        }
        List<Column> columns = new ArrayList<>();
        List<BigInteger[]> numerators = new ArrayList<>();
        List<BigInteger[]> denominators = new ArrayList<>();
        for (Map.Entry<String, String[]> name : names.entrySet()) {
            BigInteger declared = declaredByLine.getOrDefault(name.getKey(), Map.of()).values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            Map<Integer, BigInteger> owedLines = owedByLine.getOrDefault(name.getKey(), Map.of());
            BigInteger owed = owedLines.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            if (declared.signum() == 0 && owedLines.values().stream().allMatch(c -> c.signum() == 0)) {
                continue;
            }
            columns.add(new Column(name.getKey(), name.getValue()[0], name.getValue()[1], new BigDecimal(declared, 2), new BigDecimal(owed, 2)));
            BigInteger[] num = new BigInteger[rows.size()];
            BigInteger[] den = new BigInteger[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                // what a 7501 line owes of the layer goes to the order lines on that line by the basis (0: the whole entry)
                int entryLine = owedLines.containsKey(0) ? 0 : rows.get(i).orderLine().entryLine();
                num[i] = owedLines.getOrDefault(entryLine, BigInteger.ZERO).multiply(weightOf(weight, i, rows, entryLine));
                den[i] = basisOf(weight, rows, entryLine);
            }
            numerators.add(num);
            denominators.add(den);
        }
        ControlledRounding.Share[][] exact = new ControlledRounding.Share[rows.size()][columns.size()];
        boolean[][] shared = new boolean[rows.size()][columns.size()];
        int[] groupOf = columns.stream().mapToInt(c -> c.fee() ? 1 : 0).toArray();
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < rows.size(); i++) {
                exact[i][j] = new ControlledRounding.Share(numerators.get(j)[i], denominators.get(j)[i]);
                shared[i][j] = numerators.get(j)[i].signum() != 0;
            }
        }
        // duty and fees as groups, so each line's duty and fees are also within a cent of their exact shares
        return new AllocationTable(rows, List.copyOf(columns), ControlledRounding.round(exact, groupOf), shared);
    }

    /** A change of one layer since the declaration (USD; positive when CBP billed more). */
    public record Change(String program, String heading, BigDecimal amount) {
    }

    /** A change of one layer on one 7501 line since the declaration (USD, either sign; fees: any line, spread over the entry). */
    public record LineChange(String program, String heading, int entryLine, BigDecimal amount) {
    }

    /** MPF and HMF are fees. */
    public static boolean isFee(String program) {
        return program.equals("MPF") || program.equals("HMF");
    }

    public List<Ledger.Cell> rows() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The share of row {@code i} in column {@code j}, USD. */
    public BigDecimal amount(int i, int j) {
        return BigDecimal.valueOf(cents[i][j], 2);
    }

    /** Whether row {@code i} has an exact share of column {@code j} other than zero. */
    public boolean shares(int i, int j) {
        return shared[i][j];
    }

    /** The cents of row {@code i} in the duty columns and in the fee columns. */
    public long[] dutyAndFees(int i) {
        long duty = 0;
        long fees = 0;
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).fee()) {
                fees += cents[i][j];
            } else {
                duty += cents[i][j];
            }
        }
        return new long[] {duty, fees};
    }

    private static BigInteger cents(BigDecimal usd) {
        return usd.movePointRight(2).setScale(0).toBigIntegerExact();
    }

    /** A row's weight on a 7501 line (-1: over all rows); equal weights when the line's weights add up to zero. */
    private static BigInteger weightOf(BigInteger[] weight, int i, List<Ledger.Cell> rows, int entryLine) {
        return basisOf(weight, rows, entryLine, false).signum() == 0 ? BigInteger.ONE : weight[i];
    }

    private static BigInteger basisOf(BigInteger[] weight, List<Ledger.Cell> rows, int entryLine) {
        BigInteger basis = basisOf(weight, rows, entryLine, false);
        return basis.signum() == 0 ? basisOf(weight, rows, entryLine, true) : basis;
    }

    private static BigInteger basisOf(BigInteger[] weight, List<Ledger.Cell> rows, int entryLine, boolean equal) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            if (entryLine <= 0 || rows.get(i).orderLine().entryLine() == entryLine) {
                sum = sum.add(equal ? BigInteger.ONE : weight[i]);
            }
        }
        return sum;
    }
}
