package io.rigledger.procurement.cost;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of USD over parts in proportion to their weights, to the cent, by the largest
 * remainder method (docs/domain.md, Allocation): every share is rounded down to the cent, then the
 * cents left over go one each to the shares with the largest remainders; on equal remainders the
 * earlier part (smaller line number or asset id, as the caller orders them) gets the cent first.
 * The shares add up to the amount exactly and none is a cent or more away from its exact share.
 * Example: 1.00 over three equal weights is 0.34, 0.33, 0.33.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * The amount split by the weights.
     *
     * @param amount  USD, at most two decimals, not negative
     * @param weights one per part, not negative (e.g. customs value, rig count)
     * @return one share per weight, in the same order, each with two decimals
     * @throws IllegalArgumentException when the amount is negative or has more than two decimals,
     *                                  a weight is negative, or the weights add up to zero while the amount does not
     */
    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be USD to the cent and not negative: " + amount);
        }
        BigDecimal totalWeight = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + w);
            }
            totalWeight = totalWeight.add(w);
        }
        int n = weights.size();
        List<BigDecimal> shares = new ArrayList<>(n);
        if (totalWeight.signum() == 0) {
            if (amount.signum() != 0) {
                throw new IllegalArgumentException("cannot split " + amount + " over weights that add up to zero");
            }
            weights.forEach(w -> shares.add(BigDecimal.ZERO.setScale(2)));
            return shares;
        }
        BigInteger cents = amount.movePointRight(2).toBigIntegerExact();
        BigInteger[] floors = new BigInteger[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigInteger handedOut = BigInteger.ZERO;
        BigDecimal centsExact = new BigDecimal(cents);
        for (int i = 0; i < n; i++) {
            // exact share in cents = cents x w / W; its floor and what the floor leaves, compared as w x cents mod W
            BigDecimal numerator = centsExact.multiply(weights.get(i));
            BigDecimal[] qr = numerator.divideAndRemainder(totalWeight);
            floors[i] = qr[0].toBigIntegerExact();
            remainders[i] = qr[1];
            handedOut = handedOut.add(floors[i]);
        }
        int left = cents.subtract(handedOut).intValueExact();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            floors[order[k]] = floors[order[k]].add(BigInteger.ONE);
        }
        for (int i = 0; i < n; i++) {
            shares.add(new BigDecimal(floors[i]).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY));
        }
        return shares;
    }

    /**
     * {@code count} equal parts of the amount (e.g. a line's duty over its rigs): the first parts
     * get the extra cents.
     *
     * @throws IllegalArgumentException when count is below 1 or the amount is negative or finer than a cent
     */
    public static List<BigDecimal> equally(BigDecimal amount, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        List<BigDecimal> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            weights.add(BigDecimal.ONE);
        }
        return split(amount, weights);
    }
}
