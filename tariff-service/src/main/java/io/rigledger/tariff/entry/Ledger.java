package io.rigledger.tariff.entry;

import io.rigledger.tariff.allocation.LargestRemainder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Spreads an entry's amounts over the purchase-order lines it covers (pure), which is what the
 * duty ledger, the allocation and the reconciliation by order or shipment read. A 7501 line's layer
 * goes to the order lines on that 7501 line; fees, interest and anything not declared per line go
 * to every order line of the entry; each split is {@link LargestRemainder} by the entry's basis
 * (VALUE: entered value, QUANTITY: units, MANUAL: the manual shares), order lines taken in order of
 * line number, then purchase-order id (so ties go to the lower line number).
 */
public final class Ledger {

    /** An order line with its place in the entry and the 7501 line's origin and maker. */
    public record Cell(SummaryInput.OrderLine orderLine, String origin, String manufacturer, BigDecimal weight) {
    }

    /** One ledger amount: kind, layer (program, heading; "" for fees and interest), the cell it falls to, USD. */
    public record Row(String kind, String program, String heading, Cell cell, BigDecimal amount) {
    }

    private final List<Cell> cells;

    private Ledger(List<Cell> cells) {
        this.cells = cells;
    }

    /** The cells of a summary version, in tie order. */
    public static Ledger of(SummaryView summary) {
        String method = summary.allocationMethod();
        Function<SummaryInput.OrderLine, BigDecimal> basis = switch (method) {
            case "QUANTITY" -> o -> BigDecimal.valueOf(o.quantity());
            case "MANUAL" -> o -> o.manualShare() == null ? BigDecimal.ZERO : o.manualShare();
            default -> SummaryInput.OrderLine::value;
        };
        List<Cell> cells = summary.orderLines().stream()
                .sorted(Comparator.comparing(SummaryInput.OrderLine::lineNumber)
                        .thenComparing(o -> o.purchaseOrderId().toString()))
                .map(o -> {
                    SummaryView.LineView line = summary.lines().get(o.entryLine() - 1);
                    return new Cell(o, line.originCountry(), line.manufacturer(), basis.apply(o));
                })
                .toList();
        return new Ledger(cells);
    }

    public List<Cell> cells() {
        return cells;
    }

    /** DECLARED and ENGINE rows of every layer of every 7501 line, and of the fees. */
    public List<Row> summaryRows(SummaryView summary) {
        List<Row> rows = new ArrayList<>();
        for (SummaryView.LineView line : summary.lines()) {
            List<Cell> on = cells.stream().filter(c -> c.orderLine().entryLine() == line.lineNumber()).toList();
            for (SummaryView.Amounts layer : line.layers()) {
                rows.addAll(split("DECLARED", layer.key(), layer.heading(), layer.declared(), on));
                rows.addAll(split("ENGINE", layer.key(), layer.heading(), layer.engine(), on));
            }
        }
        for (SummaryView.Amounts fee : summary.fees()) {
            rows.addAll(split("DECLARED", fee.key(), "", fee.declared(), cells));
            rows.addAll(split("ENGINE", fee.key(), "", fee.engine(), cells));
        }
        return rows;
    }

    /**
     * An entry-level amount of one layer (a payment share, a bill, a refund, interest): to the order
     * lines in proportion to what they were declared of that layer, or by the entry's basis when
     * nothing of it was declared.
     */
    public List<Row> spread(String kind, String program, String heading, BigDecimal amount, List<Row> declared) {
        return spread(kind, program, heading, amount, declared, cells);
    }

    /**
     * An amount of one layer owed by one 7501 line (an origin audit's difference on that line): to the
     * order lines on that line only, like {@link #spread}.
     */
    public List<Row> spreadOn(int entryLine, String kind, String program, String heading, BigDecimal amount, List<Row> declared) {
        return spread(kind, program, heading, amount, declared, cells.stream().filter(c -> c.orderLine().entryLine() == entryLine).toList());
    }

    private static List<Row> spread(String kind, String program, String heading, BigDecimal amount, List<Row> declared, List<Cell> cells) {
        List<BigDecimal> weights = cells.stream().map(c -> declared.stream()
                .filter(r -> r.kind().equals("DECLARED") && r.cell() == c && r.program().equals(program)
                        && (program.equals("MFN") || r.heading().equals(heading)))
                .map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            return split(kind, program, heading, amount, cells);
        }
        List<BigDecimal> parts = LargestRemainder.split(amount, weights);
        return IntStream.range(0, cells.size()).mapToObj(i -> new Row(kind, program, heading, cells.get(i), parts.get(i))).toList();
    }

    /** {@code amount} over {@code on} by their basis. */
    static List<Row> split(String kind, String program, String heading, BigDecimal amount, List<Cell> on) {
        List<BigDecimal> parts = LargestRemainder.split(amount, on.stream().map(Cell::weight).toList());
        return IntStream.range(0, on.size()).mapToObj(i -> new Row(kind, program, heading, on.get(i), parts.get(i))).toList();
    }

    /** Sums of rows by layer key (program, or program|heading), e.g. what each layer was declared in all. */
    public static Map<String, BigDecimal> byLayer(List<Row> rows, String kind) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.kind().equals(kind))
                .forEach(r -> out.merge(r.program() + "|" + r.heading(), r.amount(), BigDecimal::add));
        return out;
    }
}
