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
 * <p>tariff-service gives each rig's duty and fees together; the fees are split over the entry
 * line's rigs by {@link LargestRemainder} (equal shares, the lower serial first, as tariff-service
 * splits) and the rig's duty is the rest, so each rig's total is exactly tariff-service's and the
 * rigs' duty and fees add up to the entry line's.
 */
public final class AllocatedCosts {

    private AllocatedCosts() {
    }

    /** One entry's part of the line: the rigs it covers by serial, each with its duty and fees together (USD). */
    public record Covered(UUID entryId, BigDecimal duty, BigDecimal fees, List<String> serials, List<BigDecimal> amounts) {
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

    /** The entry's rigs, lower serial first: fees by the largest remainder, duty the rest of each rig's amount. */
    static List<RigCost> rigsOf(Covered c, BigDecimal unitPrice) {
        int n = c.serials().size();
        if (n != c.amounts().size()) {
            throw new IllegalArgumentException(n + " serials and " + c.amounts().size() + " amounts");
        }
        if (n == 0) {
            return List.of();
        }
        BigDecimal sum = c.amounts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(c.duty().add(c.fees())) != 0) {
            throw new IllegalArgumentException("the rigs' " + sum + " is not the line's duty and fees " + c.duty().add(c.fees()));
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(c.serials()::get));
        List<BigDecimal> rigFees = LargestRemainder.equally(c.fees(), n);
        List<BigDecimal> rigDuty = new ArrayList<>(n);
        boolean negative = false;
        for (int k = 0; k < n; k++) {
            BigDecimal d = c.amounts().get(order.get(k)).subtract(rigFees.get(k));
            negative |= d.signum() < 0;
            rigDuty.add(d);
        }
        if (negative) {
            // duty of less than a cent a rig: both split on their own (each rig's total may then differ
            // by a cent from tariff-service's, the line's still add up)
            rigDuty = LargestRemainder.equally(c.duty(), n);
        }
        List<RigCost> rigs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            rigs.add(new RigCost(c.serials().get(order.get(k)), c.entryId(),
                    Parts.of(unitPrice, rigDuty.get(k).setScale(2), rigFees.get(k).setScale(2))));
        }
        return rigs;
    }
}
