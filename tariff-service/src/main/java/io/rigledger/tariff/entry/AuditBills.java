package io.rigledger.tariff.entry;

import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.duty.Quotation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An origin audit's bill per 7501 line (pure): CBP re-computes every 7501 line of the entry summary
 * for the asserted origin, so each
 * line's difference per duty layer (asserted minus what the line owes now: declared plus the changes
 * on it, {@link Owed#lineChanges}) is billed to the order lines on that line only. The differences of
 * all lines add up to the audit's entry-level difference per layer. An audit that raises the duty in all
 * (its duty difference over all layers 0 or more) is a supplementary bill: every row BILLED, a layer it
 * lowers as a negative billed amount, since CBP nets it against the bill. An audit that lowers the duty in
 * all leaves an excessive deposit (19 U.S.C. 1520(a)(1)): every row {@link Owed#CREDITED}, counted by no
 * reconciliation column until refunded, claimable as an ORIGIN_AUDIT refund ({@link RefundClaims}). USD;
 * fees stay out.
 */
final class AuditBills {

    private AuditBills() {
    }

    /** The BILLED and CREDITED ledger rows of an audit that asserted {@code asserted} (quoted line by line in the summary's order). */
    static List<Ledger.Row> rows(SummaryView summary, List<AllocationTable.LineChange> owedChanges, Quotation asserted) {
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, Map<Integer, BigDecimal>> difference = new LinkedHashMap<>();
        for (SummaryView.LineView line : summary.lines()) {
            line.layers().forEach(a -> add(names, difference, a.key(), a.heading(), line.lineNumber(), a.declared().negate()));
        }
        owedChanges.stream().filter(c -> !AllocationTable.isFee(c.program()))
                .forEach(c -> add(names, difference, c.program(), c.heading(), c.entryLine(), c.amount().negate()));
        for (int i = 0; i < asserted.lines().size(); i++) {
            int lineNumber = summary.lines().get(i).lineNumber();
            asserted.lines().get(i).parts().forEach(p -> p.layers().forEach(a -> add(names, difference, a.program().name(), a.heading(),
                    lineNumber, a.amount())));
        }
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary);
        List<Ledger.Row> rows = new ArrayList<>();
        BigDecimal total = difference.values().stream().flatMap(byLine -> byLine.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
        String kind = total.signum() < 0 ? Owed.CREDITED : "BILLED";
        difference.forEach((key, byLine) -> {
            byLine.forEach((line, amount) -> {
                if (amount.signum() != 0) {
                    rows.addAll(ledger.spreadOn(line, kind, names.get(key)[0], names.get(key)[1], amount.setScale(2), declared));
                }
            });
        });
        return rows;
    }

    private static void add(Map<String, String[]> names, Map<String, Map<Integer, BigDecimal>> difference, String program, String heading,
            int line, BigDecimal amount) {
        String h = heading == null ? "" : heading;
        String key = AllocationTable.key(program, h);
        names.putIfAbsent(key, new String[] {program, h});
        difference.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(line, amount, BigDecimal::add);
    }
}
