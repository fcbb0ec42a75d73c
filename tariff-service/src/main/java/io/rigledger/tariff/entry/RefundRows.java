package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.allocation.LargestRemainder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The principal of a refund received per claimed heading and its ledger rows ({@link RefundClaims#record}). Per heading
 * the principal is capped twice (19 U.S.C. 1505(b): CBP refunds the excess of what was deposited, heading by heading, so
 * a refund above a heading's claim or above what was deposited on its layer is no excess of that heading and is refused,
 * never booked as an over-refund): by what the claim claimed on the heading (422) and by what was paid on the heading in
 * excess of what it owes and not refunded yet (409, {@link ExcessPaid}). The REFUNDED rows of a LIQUIDATION, ORIGIN_AUDIT or PROTEST
 * principal follow, per heading and order line, the decrease it refunds (LIQUIDATED, CREDITED, GRANTED rows): a full
 * refund is exactly those rows negated, so the reconciliation's refunded per layer and order line is what CBP lowered
 * there. A CAPE principal comes off what each 7501 line owes of the heading now ({@link Owed#decrease}). USD.
 */
@ApplicationScoped
public class RefundRows {

    /** The ledger kind of the decrease each kind of claim refunds (CAPE has none: it removes IEEPA duty still owed). */
    private static final Map<String, String> BASIS = Map.of(RefundClaims.LIQUIDATION, Owed.LIQUIDATED,
            RefundClaims.ORIGIN_AUDIT, Owed.CREDITED, RefundClaims.PROTEST, Owed.GRANTED);

    @Inject
    EntryStore store;

    @Inject
    Owed owed;

    /**
     * The principal per claimed heading, in the claim's order: {@code given} (CBP's notice), else the principal over the
     * claimed headings in proportion to what each claimed (largest remainder). A netted heading (claimed below 0, an
     * ORIGIN_AUDIT layer the audit raised) is always taken in full.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming headings (amounts not adding up to the principal, a
     *         heading given twice or netted) or headings[i].heading (not claimed); 422 naming headings[i].amount above what
     *         the claim claimed on the heading
     */
    public static Map<String, BigDecimal> principal(EntryView.Refund r, BigDecimal principal, List<EntryMoves.HeadingPrincipal> given) {
        Map<String, BigDecimal> claimed = new LinkedHashMap<>();
        r.claimed().forEach(h -> claimed.merge(h.heading(), h.amount(), BigDecimal::add));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        claimed.forEach((h, a) -> out.put(h, a.signum() < 0 ? a : BigDecimal.ZERO.setScale(2)));
        BigDecimal netted = out.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<String> positive = claimed.keySet().stream().filter(h -> claimed.get(h).signum() > 0).toList();
        if (given == null) {
            if (!positive.isEmpty()) {
                List<BigDecimal> parts = LargestRemainder.split(principal.subtract(netted), positive.stream().map(claimed::get).toList());
                for (int i = 0; i < positive.size(); i++) {
                    out.put(positive.get(i), parts.get(i));
                }
            }
            return out;
        }
        BigDecimal sum = netted;
        for (int i = 0; i < given.size(); i++) {
            EntryMoves.HeadingPrincipal g = given.get(i);
            BigDecimal on = claimed.get(g.heading());
            if (on == null) {
                throw Problems.badRequest("headings[" + i + "].heading", "claim " + r.claim() + " claims nothing on " + g.heading()
                        + " (it claims " + String.join(", ", claimed.keySet()) + ")");
            }
            if (on.signum() < 0 || out.get(g.heading()).signum() > 0) {
                throw Problems.badRequest("headings", g.heading() + (on.signum() < 0 ? " is netted in full (" + on + "); leave it out"
                        : " is given twice"));
            }
            if (g.amount().compareTo(on) > 0) {
                throw Problems.unprocessable("headings[" + i + "].amount", "the " + g.amount().setScale(2) + " received on " + g.heading()
                        + " exceeds the " + on + " claim " + r.claim() + " claimed on it (19 U.S.C. 1505(b) refunds what was deposited"
                        + " in excess on a heading; an over-refund is not recorded)");
            }
            out.put(g.heading(), g.amount().setScale(2));
            sum = sum.add(g.amount());
        }
        if (sum.compareTo(principal) != 0) {
            throw Problems.badRequest("headings", "the headings add up to " + sum.setScale(2) + " (netted headings included), not the "
                    + principal.setScale(2) + " principal");
        }
        return out;
    }

    /**
     * The REFUNDED (and, for CAPE, REMOVED) rows of a receipt of claim {@code r} with {@code principal} per heading
     * ({@link #principal}) and {@code interest} (over the entry by what was declared).
     *
     * @param excess what was paid in excess per heading with this claim no longer open ({@link ExcessPaid})
     * @throws io.rigledger.platform.problem.ProblemException 409 naming principal when a heading's principal exceeds what was
     *         paid on it in excess (for CAPE: plus the IEEPA duty still owed on it, which the refund removes), or (CAPE) the
     *         IEEPA duty still owed on it
     */
    public List<Ledger.Row> rows(CustomsEntry e, EntryView.Refund r, Map<String, BigDecimal> principal, BigDecimal interest,
            Map<String, BigDecimal> excess) {
        SummaryView summary = store.summary(e);
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary);
        Map<String, AllocationTable.Change> owedNow = owed.now(e, summary);
        boolean cape = r.kind().equals(RefundClaims.CAPE);
        List<AllocationTable.LineChange> owedChanges = cape ? owed.lineChanges(e, summary) : List.of();
        Map<String, BigDecimal> stillOwed = cape ? Owed.ieepaByHeading(owedNow) : Map.of();
        List<EntryStore.OrderLineSum> basis = cape ? List.of() : store.ledgerSumsByOrderLine(e, List.of(BASIS.get(r.kind())));
        List<Ledger.Row> rows = new ArrayList<>();
        principal.forEach((heading, part) -> {
            if (part.signum() == 0) {
                return;
            }
            String program = programOf(owedNow, heading);
            String layerHeading = AllocationTable.isFee(program) ? "" : heading;
            // what was paid on the heading and not refunded less what it owes (for CAPE: after the duty the refund removes)
            BigDecimal left = excess.getOrDefault(heading, BigDecimal.ZERO).add(cape ? stillOwed.getOrDefault(heading, BigDecimal.ZERO)
                    : BigDecimal.ZERO).max(BigDecimal.ZERO).setScale(2);
            if (part.signum() > 0 && part.compareTo(left) > 0) {
                throw Problems.conflict(List.of(new Problem.Violation("principal", "the " + part + " received on " + heading
                        + " exceeds the " + left + " USD paid on it in excess and not refunded yet (19 U.S.C. 1505(b))")));
            }
            if (cape && part.compareTo(stillOwed.getOrDefault(heading, BigDecimal.ZERO)) > 0) {
                // an origin audit or a liquidation since the claim lowered the heading: no owed layer below 0
                throw Problems.conflict("the principal's " + part + " for " + heading + " exceeds the "
                        + stillOwed.getOrDefault(heading, BigDecimal.ZERO.setScale(2)) + " of IEEPA duty still owed on it");
            }
            if (cape) {
                // a CAPE refund comes off what each 7501 line owes of the heading now, not what each declared
                List<Ledger.Row> refunded = Owed.decrease(summary, owedChanges, "REFUNDED", program, layerHeading, part);
                rows.addAll(refunded);
                refunded.forEach(x -> rows.add(new Ledger.Row(Owed.REMOVED, x.program(), x.heading(), x.cell(), x.amount().negate())));
            } else {
                rows.addAll(following(ledger, declared, basis, program, layerHeading, part));
            }
        });
        if (interest.signum() > 0) {
            rows.addAll(ledger.spread("REFUNDED", "INTEREST", "", interest, declared));
        }
        return rows;
    }

    /**
     * {@code part} of one layer as REFUNDED rows following the decrease rows {@code basis} of that layer per order line: the
     * rows negated when {@code part} is their whole; else split in proportion to them (largest remainder) when they all
     * lower (or, for a netted heading, all raise) the layer; else by what each order line declared of the layer.
     */
    private static List<Ledger.Row> following(Ledger ledger, List<Ledger.Row> declared, List<EntryStore.OrderLineSum> basis,
            String program, String heading, BigDecimal part) {
        Map<String, BigDecimal> byCell = new HashMap<>();
        basis.stream().filter(s -> s.program().equals(program) && s.heading().equals(heading))
                .forEach(s -> byCell.merge(s.orderId() + "#" + s.orderLine(), s.amount().negate(), BigDecimal::add));
        List<Ledger.Cell> cells = ledger.cells();
        List<BigDecimal> target = cells.stream().map(c -> byCell.getOrDefault(c.orderLine().purchaseOrderId() + "#"
                + c.orderLine().lineNumber(), BigDecimal.ZERO)).toList();
        BigDecimal whole = target.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> weights = target.stream().map(t -> part.signum() < 0 ? t.negate() : t).toList();
        List<BigDecimal> parts;
        if (whole.compareTo(part) == 0) {
            parts = target;
        } else if (weights.stream().allMatch(w -> w.signum() >= 0) && weights.stream().anyMatch(w -> w.signum() > 0)) {
            parts = LargestRemainder.split(part, weights);
        } else {
            return ledger.spread("REFUNDED", program, heading, part, declared);
        }
        List<Ledger.Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (parts.get(i).signum() != 0) {
                rows.add(new Ledger.Row("REFUNDED", program, heading, cells.get(i), parts.get(i).setScale(2)));
            }
        }
        return rows;
    }

    /**
     * The program of a claimed heading (or fee): as declared, or, for a heading only an origin audit brought
     * (9903.01.24, IEEPA_FENTANYL for China), as the engine's rule tables gave it in the audit ({@link Owed#now}).
     */
    static String programOf(Map<String, AllocationTable.Change> owedNow, String heading) {
        if (AllocationTable.isFee(heading)) {
            return heading;
        }
        return owedNow.values().stream().filter(c -> heading.equals(c.heading())).map(AllocationTable.Change::program).findFirst()
                .orElseThrow(() -> new IllegalStateException("claimed heading " + heading + " is no layer of the entry"));
    }
}
