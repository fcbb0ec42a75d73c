package io.rigledger.procurement.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Landed cost per line and per rig (price + duty + fees, USD): a line's duty and fees are split
 * over its rigs by {@link LargestRemainder} (the first rigs of the line get the extra cents), so the
 * rigs add up to the line exactly. Rigs with the same amounts are returned as one range.
 */
public final class LandedCosts {

    private LandedCosts() {
    }

    /** USD amounts of one line or one rig; landedCost = price + duty + fees. */
    public record Parts(BigDecimal price, BigDecimal duty, BigDecimal fees, BigDecimal landedCost) {

        public static Parts of(BigDecimal price, BigDecimal duty, BigDecimal fees) {
            return new Parts(price, duty, fees, price.add(duty).add(fees));
        }

        public Parts plus(Parts other) {
            return of(price.add(other.price), duty.add(other.duty), fees.add(other.fees));
        }
    }

    /** Rigs {@code fromRig} to {@code toRig} (positions on the line, from 1) each cost {@code each}. */
    public record RigRange(int fromRig, int toRig, Parts each) {
    }

    /**
     * The rigs of one line.
     *
     * @param quantity  rigs on the line, at least 1
     * @param unitPrice USD per rig
     * @param duty      the line's duty, USD to the cent
     * @param fees      the line's fees share, USD to the cent
     * @return at most three ranges covering rigs 1 to quantity, in order
     * @throws IllegalArgumentException when quantity is below 1 or an amount is negative or finer than a cent
     */
    public static List<RigRange> rigs(int quantity, BigDecimal unitPrice, BigDecimal duty, BigDecimal fees) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        // equal weights: every remainder is the same, so the earliest rigs take the left-over cents
        // (what LargestRemainder.equally gives, without a list of every rig)
        long[] d = centsSplit(duty, quantity);
        long[] f = centsSplit(fees, quantity);
        int[] cuts = {0, (int) Math.min(d[1], f[1]), (int) Math.max(d[1], f[1]), quantity};
        List<RigRange> ranges = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            if (cuts[i + 1] > cuts[i]) {
                int first = cuts[i] + 1;
                BigDecimal rigDuty = BigDecimal.valueOf(d[0] + (first <= d[1] ? 1 : 0), 2);
                BigDecimal rigFees = BigDecimal.valueOf(f[0] + (first <= f[1] ? 1 : 0), 2);
                ranges.add(new RigRange(first, cuts[i + 1], Parts.of(unitPrice, rigDuty, rigFees)));
            }
        }
        return ranges;
    }

    /** {cents each rig gets at least, how many rigs (the first ones) get one cent more}. */
    private static long[] centsSplit(BigDecimal amount, int quantity) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be USD to the cent and not negative: " + amount);
        }
        long cents = amount.movePointRight(2).longValueExact();
        return new long[] {cents / quantity, cents % quantity};
    }
}
