package io.rigledger.tariff.allocation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Controlled rounding of a table of exact shares to whole cents (Cox and Ernst, "Controlled rounding",
 * INFOR 20(4), 1982; for two-way tables it always exists): every cell is its exact share rounded down
 * or up, every column adds up exactly to its total, and every row adds up to its exact total rounded
 * down or up, so a row is never more than a cent off its exact share however many columns it has.
 * Rounding each column on its own (largest remainder per layer) cannot promise that: two equal lines
 * and four layers of 0.01 gave 0.04 and 0.00 (issue 9).
 *
 * <p>Which rows round up follows the largest remainder: rows are taken by the fraction of their exact
 * total, largest first, ties to the lower row (callers list rows in tie order: lower line number,
 * then lower purchase-order id), and a row rounds up when the columns can still give it the cent.
 * The cents are placed as a flow (rows to columns, one cent per cell at most) with augmenting paths;
 * the rows that can round up together form a matroid (a gammoid), so taking them greedily in
 * remainder order keeps every column exact.
 */
public final class ControlledRounding {

    private ControlledRounding() {
    }

    /** An exact share in cents: {@code numerator / denominator}, denominator positive. */
    public record Share(BigInteger numerator, BigInteger denominator) {

        static final Share ZERO = new Share(BigInteger.ZERO, BigInteger.ONE);

        public Share {
            if (denominator.signum() <= 0) {
                throw new IllegalArgumentException("denominator must be positive");
            }
        }

        BigInteger floor() {
            BigInteger[] qr = numerator.divideAndRemainder(denominator);
            return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }

        int ceil() {
            return fraction().numerator.signum() == 0 ? floor().intValueExact() : floor().intValueExact() + 1;
        }

        /** The fraction above the floor, in [0, 1). */
        Share fraction() {
            return new Share(numerator.subtract(floor().multiply(denominator)), denominator);
        }

        Share plus(Share other) {
            BigInteger n = numerator.multiply(other.denominator).add(other.numerator.multiply(denominator));
            BigInteger d = denominator.multiply(other.denominator);
            BigInteger g = n.gcd(d);
            return g.signum() == 0 || g.equals(BigInteger.ONE) ? new Share(n, d) : new Share(n.divide(g), d.divide(g));
        }

        int compareTo(Share other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
        }
    }

    /**
     * Rounds {@code exact[row][column]} (cents) to whole cents, all columns in one group.
     *
     * @return cents per row and column
     * @throws IllegalArgumentException when a column's exact shares do not add up to a whole number of cents
     */
    public static long[][] round(Share[][] exact) {
        return round(exact, new int[exact.length == 0 ? 0 : exact[0].length]);
    }

    /**
     * Rounds {@code exact[row][column]} (cents) to whole cents; besides each cell and each row, each row's
     * sum over a group of columns ({@code groupOf[column]}, e.g. 0 duty and 1 fees) is its exact sum
     * rounded down or up.
     *
     * @return cents per row and column
     * @throws IllegalArgumentException when a column's exact shares do not add up to a whole number of cents
     */
    public static long[][] round(Share[][] exact, int[] groupOf) {
        int rows = exact.length;
        int columns = groupOf.length;
        int groups = Arrays.stream(groupOf).max().orElse(-1) + 1;
        long[][] cents = new long[rows][columns];
        int[] columnCents = new int[columns];
        Share[] rowFraction = new Share[rows];
        Share[][] groupFraction = new Share[rows][groups];
        boolean[][] open = new boolean[rows][columns];
        for (int i = 0; i < rows; i++) {
            rowFraction[i] = Share.ZERO;
            Arrays.fill(groupFraction[i], Share.ZERO);
            for (int j = 0; j < columns; j++) {
                cents[i][j] = exact[i][j].floor().longValueExact();
                Share f = exact[i][j].fraction();
                open[i][j] = f.numerator.signum() != 0;
                rowFraction[i] = rowFraction[i].plus(f);
                groupFraction[i][groupOf[j]] = groupFraction[i][groupOf[j]].plus(f);
            }
        }
        for (int j = 0; j < columns; j++) {
            Share sum = Share.ZERO;
            for (int i = 0; i < rows; i++) {
                sum = sum.plus(exact[i][j].fraction());
            }
            if (sum.fraction().numerator.signum() != 0) {
                throw new IllegalArgumentException("column " + j + " does not add up to whole cents");
            }
            columnCents[j] = sum.floor().intValueExact();
        }
        // within a row, the cents go to the cells with the larger fractions first where the flow allows
        int[][] preference = new int[rows][];
        for (int i = 0; i < rows; i++) {
            int row = i;
            preference[i] = IntStream.range(0, columns).boxed()
                    .sorted(Comparator.<Integer, Share>comparing(j -> exact[row][j].fraction(), Share::compareTo).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .mapToInt(Integer::intValue).toArray();
        }
        CentFlow flow = new CentFlow(rows, groups, groupOf, open, columnCents, preference);
        int need = Arrays.stream(columnCents).sum();
        // first every row's group sums rounded down, then every row's sum rounded down (no group sum may
        // fall below its floor again), then the rows that round up, by the largest remainder
        for (int i = 0; i < rows; i++) {
            flow.rowCap[i] = rowFraction[i].ceil();
            for (int g = 0; g < groups; g++) {
                flow.groupCap[i][g] = groupFraction[i][g].floor().intValueExact();
            }
        }
        int placed = flow.fill();
        for (int i = 0; i < rows; i++) {
            flow.rowCap[i] = rowFraction[i].floor().intValueExact();
            for (int g = 0; g < groups; g++) {
                flow.groupLow[i][g] = flow.groupCap[i][g];
                flow.groupCap[i][g] = groupFraction[i][g].ceil();
            }
        }
        placed += flow.fill();
        List<Integer> order = IntStream.range(0, rows).boxed()
                .filter(i -> rowFraction[i].fraction().numerator.signum() != 0)
                .sorted(Comparator.<Integer, Share>comparing(i -> rowFraction[i].fraction(), Share::compareTo).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int i : order) {
            if (placed == need) {
                break;
            }
            flow.rowCap[i]++;
            if (flow.augment()) {
                placed++;
            } else {
                flow.rowCap[i]--;
            }
        }
        if (placed != need) {
            throw new IllegalStateException("controlled rounding placed " + placed + " of " + need + " cents");
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                cents[i][j] += flow.cell[i][j];
            }
        }
        return cents;
    }

    /**
     * Rounds {@code columns} (cents) over {@code n} equal rows (the rigs of one line): each cell is the
     * column's n-th rounded down or up, each row the total's n-th rounded down or up (the lower rows
     * round up first), each column exact. The cents left over after the floors are dealt out
     * round-robin, column after column, so no row gets two cents of one column.
     *
     * @throws IllegalArgumentException when n is not positive
     */
    public static long[][] roundEqually(long[] columns, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no rows to round over");
        }
        long[][] cents = new long[n][columns.length];
        int next = 0;
        for (int j = 0; j < columns.length; j++) {
            long floor = Math.floorDiv(columns[j], n);
            int left = (int) Math.floorMod(columns[j], n);
            for (int i = 0; i < n; i++) {
                cents[i][j] = floor;
            }
            for (int k = 0; k < left; k++) {
                cents[next][j]++;
                next = (next + 1) % n;
            }
        }
        return cents;
    }
}
