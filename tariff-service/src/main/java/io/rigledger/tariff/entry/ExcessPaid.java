package io.rigledger.tariff.entry;

import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.allocation.LargestRemainder;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was paid in excess on an entry, per claim key (a Chapter 99 or MFN heading, a fee by its program: MPF, HMF), USD,
 * signed: what was paid on it (PAID ledger rows) less the principal refunded on it (REFUNDED, interest apart) less what it
 * owes now ({@link Owed#now}) less what open claims of other kinds than CAPE claim on it (an open CAPE claim removes the duty
 * it refunds, so it changes nothing net). 19 U.S.C. 1505(b): CBP refunds "any excess moneys deposited"; a bill reversed or
 * cancelled before it was paid lowers what is owed and returns no money, so it leaves no excess (docs/entries.md, "Refund
 * claims"). A key below 0 owes more than was paid on it (an unpaid bill); the entry's total excess is the sum of every key.
 */
final class ExcessPaid {

    private ExcessPaid() {
    }

    /** The claim key of a layer: its heading, or its program when it has none (fees). */
    static String key(String program, String heading) {
        return heading == null || heading.isEmpty() ? program : heading;
    }

    /**
     * The excess per claim key (signed, USD).
     *
     * @param sums      the entry's DECLARED, PAID and REFUNDED ledger sums ({@link EntryStore#ledgerSums})
     * @param owedNow   what the entry owes now per layer ({@link Owed#now})
     * @param claims    the entry's refund claims
     * @param netted    whether what was paid on a layer a supplementary bill lowered (owed below declared) first covers
     *                  what is unpaid on the layers the bill raised (owed above declared and above what was paid on them):
     *                  CBP nets the lowered layer into the bill, and the payment of the bill was spread over its increases
     *                  only (EntryService#pay). Not for an ORIGIN_AUDIT claim, which nets the raised layers itself.
     */
    static Map<String, BigDecimal> of(List<EntryStore.LayerSum> sums, Map<String, AllocationTable.Change> owedNow,
            List<EntryView.Refund> claims, boolean netted) {
        Map<String, BigDecimal> excess = new LinkedHashMap<>();
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        for (EntryStore.LayerSum s : sums) {
            if (s.program().equals("INTEREST")) {
                continue;
            }
            String k = key(s.program(), s.heading());
            switch (s.kind()) {
                case "PAID" -> excess.merge(k, s.amount(), BigDecimal::add);
                case "REFUNDED" -> excess.merge(k, s.amount().negate(), BigDecimal::add);
                case "DECLARED" -> change.merge(k, s.amount().negate(), BigDecimal::add);
                default -> { }
            }
        }
        owedNow.values().forEach(c -> {
            String k = key(c.program(), c.heading());
            excess.merge(k, c.amount().negate(), BigDecimal::add);
            change.merge(k, c.amount(), BigDecimal::add);
        });
        claims.stream().filter(r -> r.receivedOn() == null && !r.kind().equals(RefundClaims.CAPE))
                .forEach(r -> r.claimed().forEach(h -> excess.merge(h.heading(), h.amount().negate(), BigDecimal::add)));
        if (netted) {
            net(excess, change);
        }
        return excess;
    }

    /**
     * Moves what was paid in excess on lowered layers (change below 0) to the raised layers (change above 0) that owe more
     * than was paid on them, up to what they lack: taken from the lowered ones and given to the raised ones each in
     * proportion (largest remainder), so the total is unchanged.
     */
    private static void net(Map<String, BigDecimal> excess, Map<String, BigDecimal> change) {
        List<String> from = excess.keySet().stream().filter(k -> excess.get(k).signum() > 0
                && change.getOrDefault(k, BigDecimal.ZERO).signum() < 0).toList();
        List<String> to = excess.keySet().stream().filter(k -> excess.get(k).signum() < 0
                && change.getOrDefault(k, BigDecimal.ZERO).signum() > 0).toList();
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        BigDecimal available = from.stream().map(excess::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lacking = to.stream().map(k -> excess.get(k).negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal moved = available.min(lacking);
        List<BigDecimal> taken = LargestRemainder.split(moved, from.stream().map(excess::get).toList());
        List<BigDecimal> given = LargestRemainder.split(moved, to.stream().map(k -> excess.get(k).negate()).toList());
        for (int i = 0; i < from.size(); i++) {
            excess.merge(from.get(i), taken.get(i).negate(), BigDecimal::add);
        }
        for (int i = 0; i < to.size(); i++) {
            excess.merge(to.get(i), given.get(i), BigDecimal::add);
        }
    }

    /** The sum of every key (USD, signed): what was paid on the entry and not refunded less what it owes and open claims claim. */
    static BigDecimal total(Map<String, BigDecimal> excess) {
        return excess.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
