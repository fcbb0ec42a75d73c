package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What bean validation cannot see in a summary (pure): every order line names a 7501 line that
 * exists and every 7501 line is covered; one order line once; serial numbers as many as units and
 * each once in the entry; a quote line only with its quote; for MANUAL allocation a share on every
 * order line, adding up exactly to the declared duty and fees (never rescaled); a basis that is not
 * zero on any 7501 line. Each refusal names its field (400).
 */
public final class SummaryChecks {

    private SummaryChecks() {
    }

    /** @throws io.rigledger.platform.problem.ProblemException 400 naming every field at fault */
    public static void check(SummaryInput s) {
        List<Problem.Violation> v = new ArrayList<>();
        String method = s.allocationMethod() == null ? "VALUE" : s.allocationMethod();
        Set<String> orderLines = new HashSet<>();
        Set<String> serials = new HashSet<>();
        BigDecimal[] basis = new BigDecimal[s.lines().size()];
        Arrays.fill(basis, BigDecimal.ZERO);
        BigDecimal manual = BigDecimal.ZERO;
        for (int i = 0; i < s.orderLines().size(); i++) {
            SummaryInput.OrderLine o = s.orderLines().get(i);
            String at = "orderLines[" + i + "]";
            if (o.entryLine() > s.lines().size()) {
                v.add(new Problem.Violation(at + ".entryLine", "must name one of the " + s.lines().size() + " lines"));
                continue;
            }
            if (!orderLines.add(o.purchaseOrderId() + "#" + o.lineNumber())) {
                v.add(new Problem.Violation(at + ".lineNumber", "this purchase-order line is listed twice"));
            }
            if (o.serialNumbers() != null && !o.serialNumbers().isEmpty()) {
                if (o.serialNumbers().size() != o.quantity()) {
                    v.add(new Problem.Violation(at + ".serialNumbers", "must list as many serial numbers as quantity (" + o.quantity() + ")"));
                }
                for (int k = 0; k < o.serialNumbers().size(); k++) {
                    if (!serials.add(o.serialNumbers().get(k))) {
                        v.add(new Problem.Violation(at + ".serialNumbers[" + k + "]", "is listed twice in this entry"));
                    }
                }
            }
            if (o.quoteLineNumber() != null && o.quoteId() == null) {
                v.add(new Problem.Violation(at + ".quoteId", "is required with quoteLineNumber"));
            }
            BigDecimal weight = switch (method) {
                case "QUANTITY" -> BigDecimal.valueOf(o.quantity());
                case "MANUAL" -> o.manualShare() == null ? BigDecimal.ZERO : o.manualShare();
                default -> o.value();
            };
            if (method.equals("MANUAL") && o.manualShare() == null) {
                v.add(new Problem.Violation(at + ".manualShare", "is required for MANUAL allocation"));
            }
            manual = manual.add(o.manualShare() == null ? BigDecimal.ZERO : o.manualShare());
            basis[o.entryLine() - 1] = basis[o.entryLine() - 1].add(weight);
        }
        repeats(s, v);
        for (int l = 0; l < s.lines().size(); l++) {
            int line = l + 1;
            if (s.orderLines().stream().noneMatch(o -> o.entryLine() == line)) {
                v.add(new Problem.Violation("lines[" + l + "]", "no order line is on this line (orderLines[].entryLine)"));
            } else if (basis[l].signum() == 0) {
                v.add(new Problem.Violation("orderLines", "the " + method + " basis of the order lines on line " + line
                        + " is zero: nothing to allocate by"));
            }
        }
        if (method.equals("MANUAL") && v.isEmpty()) {
            BigDecimal due = declaredTotal(s);
            if (manual.compareTo(due) != 0) {
                v.add(new Problem.Violation("orderLines", "the manual shares add up to " + manual.setScale(2)
                        + " but the declared duty and fees are " + due + "; shares are never rescaled"));
            }
        }
        if (!v.isEmpty()) {
            throw Problems.invalid(v);
        }
    }

    /**
     * A layer (program and heading; MFN by program, as {@link Comparison#key}) twice on one line, or a
     * fee type twice: refused rather than summed or overwritten.
     */
    private static void repeats(SummaryInput s, List<Problem.Violation> v) {
        for (int l = 0; l < s.lines().size(); l++) {
            Set<String> keys = new HashSet<>();
            List<SummaryInput.Layer> layers = s.lines().get(l).layers();
            for (int n = 0; layers != null && n < layers.size(); n++) {
                SummaryInput.Layer layer = layers.get(n);
                if (!keys.add(Comparison.key(layer.program(), layer.heading()))) {
                    v.add(new Problem.Violation("lines[" + l + "].layers[" + n + "]", "this layer is declared twice on the line"));
                }
            }
        }
        Set<String> types = new HashSet<>();
        for (int f = 0; s.fees() != null && f < s.fees().size(); f++) {
            if (!types.add(s.fees().get(f).type())) {
                v.add(new Problem.Violation("fees[" + f + "].type", "this fee is declared twice"));
            }
        }
    }

    /** Declared duty plus fees, USD. */
    public static BigDecimal declaredTotal(SummaryInput s) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (SummaryInput.Line l : s.lines()) {
            for (SummaryInput.Layer layer : l.layers()) {
                total = total.add(layer.amount());
            }
        }
        if (s.fees() != null) {
            for (SummaryInput.Fee f : s.fees()) {
                total = total.add(f.amount());
            }
        }
        return total;
    }
}
