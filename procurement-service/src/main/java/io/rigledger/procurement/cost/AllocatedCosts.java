package io.rigledger.procurement.cost;

import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.cost.LandedCosts.RigRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Landed cost of one order line once customs entries cover some or all of its rigs: the covered
 * rigs carry the duty and fees the entries allocated to them (tariff-service's allocation), the
 * rest keep their share of the order's quote. USD throughout; every part adds up exactly:
 * the named rigs to the entry's amounts, the quoted rigs to what the quote gives their positions,
 * and both to the line.
 *
 * <p>tariff-service gives each covered rig's duty and fees (controlled rounding: the rigs' duty and
 * fees add up to the entry line's); they are taken as given.
 */
public final class AllocatedCosts {

    private AllocatedCosts() {
    }

    /** One entry's part of the line: its duty and fees, and the rigs it covers by serial with each one's duty and fees (USD). */
    public record Covered(UUID entryId, BigDecimal duty, BigDecimal fees, List<String> serials, List<BigDecimal> rigDuty,
                          List<BigDecimal> rigFees) {
    }

    /** A rig the entry covers: its serial, the entry, and what it costs landed. */
    public record RigCost(String serialNumber, UUID entryId, Parts each) {
    }

    /** The line: its parts, the covered rigs by serial and the quoted rigs by position (after the covered ones). */
    public record LineCost(Parts line, List<RigCost> covered, List<RigRange> quoted) {
    }

    /**
     * The landed cost of a line of {@code quantity} rigs at {@code unitPrice}, whose quote gave
     * {@code quotedDuty} and {@code quotedFees}, with the entries' parts {@code covered}.
     *
     * @throws IllegalArgumentException when the entries cover more rigs than the line has, or a
     *         part's serials and amounts differ in number or do not add up to its duty and fees
     */
    public static LineCost of(int quantity, BigDecimal unitPrice, BigDecimal quotedDuty, BigDecimal quotedFees,
                              List<Covered> covered) {
        int named = covered.stream().mapToInt(c -> c.serials().size()).sum();
        if (named > quantity) {
            throw new IllegalArgumentException("entries cover " + named + " rigs of a line of " + quantity);
        }
        List<RigCost> rigs = new ArrayList<>(named);
        BigDecimal duty = BigDecimal.ZERO.setScale(2);
        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        for (Covered c : covered) {
            rigs.addAll(rigsOf(c, unitPrice));
            duty = duty.add(c.duty());
            fees = fees.add(c.fees());
        }
        List<RigRange> quoted = new ArrayList<>(3);
        if (named < quantity) {
            for (RigRange r : LandedCosts.rigs(quantity, unitPrice, quotedDuty, quotedFees)) {
                if (r.toRig() > named) {
                    RigRange kept = new RigRange(Math.max(r.fromRig(), named + 1), r.toRig(), r.each());
                    int count = kept.toRig() - kept.fromRig() + 1;
                    duty = duty.add(kept.each().duty().multiply(BigDecimal.valueOf(count)));
                    fees = fees.add(kept.each().fees().multiply(BigDecimal.valueOf(count)));
                    quoted.add(kept);
                }
            }
        }
        BigDecimal price = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        return new LineCost(Parts.of(price, duty, fees), rigs, quoted);
    }

    /** The entry's rigs, lower serial first, each at the unit price with its duty and fees. */
    static List<RigCost> rigsOf(Covered c, BigDecimal unitPrice) {
        int n = c.serials().size();
        if (n != c.rigDuty().size() || n != c.rigFees().size()) {
            throw new IllegalArgumentException(n + " serials, " + c.rigDuty().size() + " duties and " + c.rigFees().size() + " fees");
        }
        if (n == 0) {
            return List.of();
        }
        BigDecimal duty = c.rigDuty().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = c.rigFees().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (duty.compareTo(c.duty()) != 0 || fees.compareTo(c.fees()) != 0) {
            throw new IllegalArgumentException("the rigs' duty " + duty + " and fees " + fees + " are not the line's "
                    + c.duty() + " and " + c.fees());
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(c.serials()::get));
        List<RigCost> rigs = new ArrayList<>(n);
        for (int i : order) {
            rigs.add(new RigCost(c.serials().get(i), c.entryId(),
                    Parts.of(unitPrice, c.rigDuty().get(i).setScale(2), c.rigFees().get(i).setScale(2))));
        }
        return rigs;
    }
}
