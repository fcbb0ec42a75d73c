package io.rigledger.tariff.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount of USD over weights with the largest-remainder method (Hamilton's method): every
 * exact share amount x weight / total is rounded down to the cent, then the cents left over go one
 * each to the shares with the largest remainders; equal remainders go to the lower index first, so
 * callers list their parts in tie order (lower line number, then lower serial number). The parts
 * add up to the amount exactly and each is less than a cent from its exact share (docs/domain.md,
 * "Allocation"). A negative amount is split as its absolute value and every part negated. All
 * arithmetic is on whole cents and scaled integer weights (BigInteger), so nothing is lost to
 * rounding on the way.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * The parts of {@code amount} (USD, at most two decimals) in the order of {@code weights}.
     *
     * @param weights non-negative values, any scale (entered value USD, quantities, manual shares)
     * @throws IllegalArgumentException when there is no weight, a weight is negative, the weights add
     *                                  up to zero, or the amount has more than two decimals
     */
    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to split over");
        }
        BigDecimal cents = amount.movePointRight(2);
        if (cents.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("amount has more than two decimals: " + amount);
        }
        int scale = 0;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            scale = Math.max(scale, Math.max(0, w.stripTrailingZeros().scale()));
        }
        List<BigInteger> scaled = new ArrayList<>(weights.size());
        BigInteger total = BigInteger.ZERO;
        for (BigDecimal w : weights) {
            BigInteger s = w.movePointRight(scale).toBigIntegerExact();
            scaled.add(s);
            total = total.add(s);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("the weights add up to zero");
        }
        BigInteger whole = cents.toBigIntegerExact().abs();
        int n = scaled.size();
        BigInteger[] floors = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = whole.multiply(scaled.get(i)).divideAndRemainder(total);
            floors[i] = qr[0];
            remainders[i] = qr[1];
            given = given.add(qr[0]);
        }
        int left = whole.subtract(given).intValueExact();
        List<Integer> order = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            floors[i] = floors[i].add(BigInteger.ONE);
        }
        List<BigDecimal> parts = new ArrayList<>(n);
        for (BigInteger f : floors) {
            BigDecimal part = new BigDecimal(f, 2);
            parts.add(amount.signum() < 0 ? part.negate() : part);
        }
        return parts;
    }
}
