package io.rigledger.tariff.entry;

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
import java.util.UUID;

/**
 * What an entry owes per layer now, beside what it declared: declared (the current summary) + what
 * CBP billed since (liquidation increases, origin audit differences of either sign: BILLED in the ledger,
 * or CREDITED for an audit that lowered the duty in all) - liquidation decreases (LIQUIDATED) - the decreases of
 * a protest CBP allowed (GRANTED) - the
 * principal of CAPE refunds received (REMOVED). A refund of a liquidation's or an audit's decrease is not taken off twice; interest, billed
 * or refunded, is no duty and stays out. The
 * allocation (landed cost) and the IEEPA refundable amount both read it.
 */
@ApplicationScoped
public class Owed {

    private static final String INTEREST = "INTEREST";
    /**
     * The ledger kind of a liquidation's decrease (negative, per order line, by what each 7501 line owed
     * of the layer just before): written so what each line owes never depends on a later step; the
     * reconciliation counts no such column (the refund due is REFUNDED once received).
     */
    public static final String LIQUIDATED = "LIQUIDATED";
    /**
     * The ledger kind of what a CAPE refund received took off what is owed (negative, per order line, the
     * REFUNDED rows of its principal negated): CBP removes the IEEPA lines and reliquidates. No reconciliation
     * column counts it (the REFUNDED rows show the refund); written apart so that the REFUNDED rows of every
     * kind of refund claim mean the same.
     */
    public static final String REMOVED = "REMOVED";
    /**
     * The ledger kind of the differences of an origin audit that lowered the duty in all ({@link AuditBills}; negative
     * in sum, per order line): an excessive deposit CBP owes back, claimable as an ORIGIN_AUDIT refund, counted by no
     * reconciliation column until refunded (like a liquidation's decrease), so it is not taken off twice.
     */
    public static final String CREDITED = "CREDITED";
    /**
     * The ledger kind of the decreases of the reliquidation CBP made on allowing a protest (19 U.S.C. 1515(a); negative, per
     * order line, like a liquidation's {@link #LIQUIDATED}): counted by no reconciliation column until refunded (a PROTEST
     * refund claim, {@link RefundClaims}).
     */
    public static final String GRANTED = "GRANTED";
    /** The ledger rows that change what is owed, each as written (signed). */
    private static final List<String> KINDS = List.of("BILLED", LIQUIDATED, REMOVED, CREDITED, GRANTED);

    @Inject
    EntryStore store;

    /** The changes since the declaration per layer key ({@link AllocationTable#key}), USD, from the entry's {@code sums} of {@link #KINDS}. */
    private Map<String, AllocationTable.Change> changes(CustomsEntry e, List<EntryStore.OrderLineSum> sums) {
        Map<String, AllocationTable.Change> changes = new LinkedHashMap<>();
        counted(sums).forEach(s -> change(changes, s.program(), s.heading(), s.amount()));
        return changes;
    }

    /**
     * The {@link #changes} per 7501 line, for the allocation: what CBP billed or a CAPE refund returned
     * on an order line counts to the 7501 line that order line is on (an origin audit bills each 7501
     * line its own difference, a liquidation's decrease and a CAPE refund are written per order line by
     * {@link #decrease}); amounts on order lines no longer in the summary go over the 7501 lines by what
     * each declared of the layer (by customs value when none did), largest remainder. Fees are given on
     * 7501 line 0 (the whole entry). USD.
     */
    public List<AllocationTable.LineChange> lineChanges(CustomsEntry e, SummaryView summary) {
        Map<String, Integer> lineOf = new HashMap<>();
        summary.orderLines().forEach(o -> lineOf.put(o.purchaseOrderId() + "#" + o.lineNumber(), o.entryLine()));
        List<AllocationTable.LineChange> out = new ArrayList<>();
        for (EntryStore.OrderLineSum sum : counted(store.ledgerSumsByOrderLine(e, KINDS))) {
            Integer line = lineOf.get(sum.orderId() + "#" + sum.orderLine());
            if (line == null) {
                out.addAll(overLines(summary, sum.program(), sum.heading(), sum.amount()));
            } else {
                out.add(new AllocationTable.LineChange(sum.program(), sum.heading() == null ? "" : sum.heading(), line, sum.amount()));
            }
        }
        return out;
    }

    /**
     * Ledger rows of {@code kind} taking {@code amount} (USD, 0 or more) of one layer off what the entry owes
     * (a liquidation's decrease, {@link #LIQUIDATED}, written negative; a CAPE refund's principal, REFUNDED,
     * written positive, whose negated rows are its {@link #REMOVED}): over the 7501 lines by what each owes of the layer
     * now (declared on it + {@code changes}, {@link #lineChanges}; a line owing 0 or less gets nothing), never
     * by what each declared, so IEEPA duty an origin audit billed on one line and refunded or liquidated away
     * leaves no line below 0; then over the order lines on each line ({@link Ledger#spreadOn}). Largest
     * remainder of non-negative weights: when {@code amount} is at most the total owed, no line's part exceeds
     * what it owes. Fees, and a layer no line owes, go over the whole entry ({@link Ledger#spread}).
     */
    public static List<Ledger.Row> decrease(SummaryView summary, List<AllocationTable.LineChange> changes, String kind, String program,
            String heading, BigDecimal amount) {
        String h = heading == null ? "" : heading;
        BigDecimal signed = lowers(kind) ? amount.negate() : amount;
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary);
        String key = AllocationTable.key(program, h);
        Map<Integer, BigDecimal> owedOn = new LinkedHashMap<>();
        List<BigDecimal> declaredOn = declaredOn(summary, key);
        for (int i = 0; i < declaredOn.size(); i++) {
            owedOn.put(summary.lines().get(i).lineNumber(), declaredOn.get(i));
        }
        changes.stream().filter(c -> AllocationTable.key(c.program(), c.heading()).equals(key) && owedOn.containsKey(c.entryLine()))
                .forEach(c -> owedOn.merge(c.entryLine(), c.amount(), BigDecimal::add));
        List<Integer> lines = List.copyOf(owedOn.keySet());
        List<BigDecimal> weights = lines.stream().map(l -> owedOn.get(l).max(BigDecimal.ZERO)).toList();
        if (AllocationTable.isFee(program) || weights.stream().allMatch(w -> w.signum() == 0)) {
            return ledger.spread(kind, program, h, signed, declared);
        }
        List<BigDecimal> parts = LargestRemainder.split(amount, weights);
        List<Ledger.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (parts.get(i).signum() != 0) {
                BigDecimal part = lowers(kind) ? parts.get(i).negate() : parts.get(i);
                rows.addAll(ledger.spreadOn(lines.get(i), kind, program, h, part, declared));
            }
        }
        return rows;
    }

    /** Whether rows of {@code kind} written by {@link #decrease} are negative (a liquidation's or a granted protest's decrease). */
    private static boolean lowers(String kind) {
        return kind.equals(LIQUIDATED) || kind.equals(GRANTED);
    }

    /**
     * The ledger sums per order line that change what is owed, as written: BILLED (a supplementary bill), a
     * liquidation's decrease ({@link #LIQUIDATED}), a CAPE refund's {@link #REMOVED} and an origin audit's
     * {@link #CREDITED}, all negative but BILLED; interest, billed or refunded, is no duty and stays out; read by
     * {@link #changes} and {@link #lineChanges}. REFUNDED rows are not read: a refund of a liquidation's or an
     * audit's decrease is not taken off twice, and a CAPE refund is taken off by its REMOVED rows.
     */
    private static List<EntryStore.OrderLineSum> counted(List<EntryStore.OrderLineSum> sums) {
        return sums.stream().filter(s -> !s.program().equals(INTEREST)).toList();
    }

    /** An entry-level change of a layer over the 7501 lines by what each declared of it (by customs value when none did). */
    private static List<AllocationTable.LineChange> overLines(SummaryView summary, String program, String heading, BigDecimal amount) {
        String h = heading == null ? "" : heading;
        if (AllocationTable.isFee(program)) {
            return List.of(new AllocationTable.LineChange(program, h, 0, amount));
        }
        List<BigDecimal> weights = declaredOn(summary, AllocationTable.key(program, h));
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights = summary.lines().stream().map(SummaryView.LineView::customsValue).toList();
        }
        List<BigDecimal> parts = LargestRemainder.split(amount, weights);
        List<AllocationTable.LineChange> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(new AllocationTable.LineChange(program, h, summary.lines().get(i).lineNumber(), parts.get(i)));
        }
        return out;
    }

    /** What each 7501 line declared of the layer {@code key} ({@link AllocationTable#key}), in the summary's line order, USD. */
    private static List<BigDecimal> declaredOn(SummaryView summary, String key) {
        return summary.lines().stream().map(l -> l.layers().stream()
                .filter(a -> AllocationTable.key(a.key(), a.heading()).equals(key))
                .map(SummaryView.Amounts::declared).reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
    }

    /**
     * What the entry owes per layer and fee now (declared + {@link #changes}), keyed like
     * {@link AllocationTable#key}: the "before" of a liquidation and of an origin audit, so that each is
     * computed against what was owed just before it (an audit's bill, a liquidation's change, a CAPE
     * refund received), never against the declared amounts again, and no layer it leaves can fall below
     * 0. Amounts in USD.
     */
    public Map<String, AllocationTable.Change> now(CustomsEntry e, SummaryView summary) {
        return now(e, summary, store.ledgerSumsByOrderLine(e, KINDS));
    }

    private Map<String, AllocationTable.Change> now(CustomsEntry e, SummaryView summary, List<EntryStore.OrderLineSum> sums) {
        Map<String, AllocationTable.Change> out = new LinkedHashMap<>();
        if (summary != null) { // null: an entry of a list whose summary is not stored (EntryStore.summaries) owes its ledger changes only
            summary.lines().forEach(l -> l.layers().forEach(a -> change(out, a.key(), a.heading(), a.declared())));
            summary.fees().forEach(f -> change(out, f.key(), "", f.declared()));
        }
        changes(e, sums).values().forEach(c -> change(out, c.program(), c.heading(), c.amount()));
        return out;
    }

    /**
     * The IEEPA duty owed per Chapter 99 heading ({@link Refundable}), what a CAPE refund can still
     * claim: reduced by a liquidation that lowered it and by the principal of a CAPE refund received,
     * raised by an origin audit that billed IEEPA duty; headings owing nothing are left out.
     */
    public Map<String, BigDecimal> ieepaByHeading(CustomsEntry e, SummaryView summary) {
        return ieepaByHeading(now(e, summary));
    }

    /**
     * {@link #ieepaByHeading(CustomsEntry, SummaryView)} of each entry of a page (the IEEPA refunds list),
     * their summaries and ledger sums read with one query each instead of one per entry; per entry id. An entry
     * whose summary is not stored (a row tariff-service did not write) counts its ledger changes alone rather than
     * failing the whole list.
     */
    public Map<UUID, Map<String, BigDecimal>> ieepaByHeading(List<CustomsEntry> entries) {
        Map<UUID, SummaryView> summaries = store.summaries(entries);
        Map<UUID, List<EntryStore.OrderLineSum>> sums = store.ledgerSumsByOrderLine(entries, KINDS);
        Map<UUID, Map<String, BigDecimal>> out = new HashMap<>();
        entries.forEach(e -> out.put(e.id, ieepaByHeading(now(e, summaries.get(e.id), sums.getOrDefault(e.id, List.of())))));
        return out;
    }

    /** The IEEPA duty per Chapter 99 heading of what is owed now ({@link #now}), USD; headings owing nothing are left out. */
    public static Map<String, BigDecimal> ieepaByHeading(Map<String, AllocationTable.Change> owedNow) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        owedNow.values().stream().filter(c -> Refundable.isIeepa(c.heading()))
                .forEach(c -> out.merge(c.heading(), c.amount(), BigDecimal::add));
        out.values().removeIf(amount -> amount.signum() <= 0);
        return out;
    }

    private static void change(Map<String, AllocationTable.Change> changes, String program, String heading, BigDecimal amount) {
        changes.merge(AllocationTable.key(program, heading), new AllocationTable.Change(program, heading == null ? "" : heading, amount),
                (a, b) -> new AllocationTable.Change(a.program(), a.heading(), a.amount().add(b.amount())));
    }
}
