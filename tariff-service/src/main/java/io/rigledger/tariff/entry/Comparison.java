package io.rigledger.tariff.entry;

import io.rigledger.tariff.duty.Program;
import io.rigledger.tariff.duty.Quotation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts what an entry declares beside what the duty engine computes for the same lines (pure). Layers
 * are matched by program and Chapter 99 heading; the MFN layer by program alone (the 7501 may name
 * the 8- or 10-digit subheading). A layer only one side has counts as 0.00 on the other. The
 * difference is declared minus engine, USD.
 */
public final class Comparison {

    private Comparison() {
    }

    /** The line views of {@code input} against {@code quote} (same lines, same order). */
    public static List<SummaryView.LineView> lines(SummaryInput input, Quotation quote) {
        List<SummaryView.LineView> out = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            SummaryInput.Line line = input.lines().get(i);
            Quotation.LineQuote engine = quote.lines().get(i);
            Map<String, Row> rows = new LinkedHashMap<>();
            for (SummaryInput.Layer l : line.layers()) {
                Row r = rows.computeIfAbsent(key(l.program(), l.heading()), k -> new Row(l.program(), l.heading()));
                r.declared = r.declared.add(l.amount());
                r.rate = l.ratePercent();
            }
            for (Quotation.PartQuote part : engine.parts()) {
                for (Quotation.LayerQuote l : part.layers()) {
                    Row r = rows.computeIfAbsent(key(l.program().name(), l.heading()), k -> new Row(l.program().name(), l.heading()));
                    r.engine = r.engine.add(l.amount());
                    r.refundable = r.refundable || l.refundable();
                    if (r.rate == null) {
                        r.rate = l.ratePercent();
                    }
                }
            }
            List<SummaryView.Amounts> layers = rows.values().stream()
                    .sorted(Comparator.comparing((Row r) -> Program.valueOf(r.program).ordinal()).thenComparing(r -> r.heading))
                    .map(r -> new SummaryView.Amounts(r.program, r.heading, r.rate, r.declared, r.engine,
                            r.declared.subtract(r.engine), r.refundable || Refundable.isIeepa(r.heading)))
                    .toList();
            BigDecimal declared = layers.stream().map(SummaryView.Amounts::declared).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal computed = layers.stream().map(SummaryView.Amounts::engine).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new SummaryView.LineView(i + 1, line.htsCode(), line.originCountry(), line.customsValue(), line.quantity(),
                    line.usContentPercent(), line.manufacturer(), layers, declared, computed, declared.subtract(computed)));
        }
        return out;
    }

    /** MPF and HMF, declared vs engine (a fee only one side has is 0.00 on the other). */
    public static List<SummaryView.Amounts> fees(List<SummaryInput.Fee> declared, Quotation quote) {
        List<SummaryView.Amounts> out = new ArrayList<>();
        for (String type : List.of("MPF", "HMF")) {
            BigDecimal d = declared.stream().filter(f -> f.type().equals(type)).map(SummaryInput.Fee::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Quotation.FeeQuote fee = quote.fees().stream().filter(f -> f.type().name().equals(type)).findFirst().orElse(null);
            BigDecimal e = fee == null ? BigDecimal.ZERO.setScale(2) : fee.amount();
            boolean declaredIt = declared.stream().anyMatch(f -> f.type().equals(type));
            if (declaredIt || fee != null) {
                out.add(new SummaryView.Amounts(type, null, fee == null ? null : fee.ratePercent(), d.setScale(2), e,
                        d.subtract(e).setScale(2), false));
            }
        }
        return out;
    }

    /** The totals of lines and fees. */
    public static SummaryView.Totals totals(List<SummaryView.LineView> lines, List<SummaryView.Amounts> fees) {
        BigDecimal dd = BigDecimal.ZERO.setScale(2);
        BigDecimal de = BigDecimal.ZERO.setScale(2);
        BigDecimal ieepa = BigDecimal.ZERO.setScale(2);
        for (SummaryView.LineView l : lines) {
            dd = dd.add(l.declaredDuty());
            de = de.add(l.engineDuty());
            for (SummaryView.Amounts a : l.layers()) {
                if (Refundable.isIeepa(a.heading())) {
                    ieepa = ieepa.add(a.declared());
                }
            }
        }
        BigDecimal fd = fees.stream().map(SummaryView.Amounts::declared).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal fe = fees.stream().map(SummaryView.Amounts::engine).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new SummaryView.Totals(dd, de, dd.subtract(de), fd, fe, fd.subtract(fe), dd.add(fd), de.add(fe),
                dd.add(fd).subtract(de.add(fe)), ieepa);
    }

    static String key(String program, String heading) {
        return program.equals("MFN") ? "MFN" : program + "|" + heading;
    }

    private static final class Row {
        final String program;
        final String heading;
        BigDecimal declared = BigDecimal.ZERO.setScale(2);
        BigDecimal engine = BigDecimal.ZERO.setScale(2);
        BigDecimal rate;
        boolean refundable;

        Row(String program, String heading) {
            this.program = program;
            this.heading = heading;
        }
    }
}
