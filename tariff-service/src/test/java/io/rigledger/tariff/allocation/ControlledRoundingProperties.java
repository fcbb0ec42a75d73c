package io.rigledger.tariff.allocation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Controlled rounding of any table: every column adds up exactly, every cell and every row is within
 * a cent of its exact share (issue 9: a line's total was up to a cent per layer off).
 */
class ControlledRoundingProperties {

    /** A table: column totals in cents, per column the rows' weights (some zero), and the columns' groups. */
    record Table(long[] columns, long[][] weights, int[] groups) {
    }

    @Property(tries = 1000)
    void columnsAddUpAndEveryCellRowAndGroupOfARowIsWithinACentOfItsExactShare(@ForAll("tables") Table t) {
        int rows = t.weights()[0].length;
        int columns = t.columns().length;
        ControlledRounding.Share[][] exact = new ControlledRounding.Share[rows][columns];
        for (int j = 0; j < columns; j++) {
            long total = 0;
            for (long w : t.weights()[j]) {
                total += w;
            }
            for (int i = 0; i < rows; i++) {
                long w = total == 0 ? 1 : t.weights()[j][i];
                exact[i][j] = new ControlledRounding.Share(BigInteger.valueOf(t.columns()[j]).multiply(BigInteger.valueOf(w)),
                        BigInteger.valueOf(total == 0 ? rows : total));
            }
        }
        long[][] cents = ControlledRounding.round(exact, t.groups());
        for (int j = 0; j < columns; j++) {
            long sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += cents[i][j];
                assertTrue(withinACent(BigInteger.valueOf(cents[i][j]), exact[i][j]), "cell " + i + "," + j);
            }
            assertEquals(t.columns()[j], sum, "column " + j);
        }
        for (int i = 0; i < rows; i++) {
            ControlledRounding.Share row = new ControlledRounding.Share(BigInteger.ZERO, BigInteger.ONE);
            long sum = 0;
            for (int j = 0; j < columns; j++) {
                row = row.plus(exact[i][j]);
                sum += cents[i][j];
            }
            assertTrue(withinACent(BigInteger.valueOf(sum), row), "row " + i);
            for (int g = 0; g <= 1; g++) {
                ControlledRounding.Share group = new ControlledRounding.Share(BigInteger.ZERO, BigInteger.ONE);
                long groupSum = 0;
                for (int j = 0; j < columns; j++) {
                    if (t.groups()[j] == g) {
                        group = group.plus(exact[i][j]);
                        groupSum += cents[i][j];
                    }
                }
                assertTrue(withinACent(BigInteger.valueOf(groupSum), group), "row " + i + " group " + g);
            }
        }
    }

    @Property(tries = 400)
    void equalRowsAddUpPerColumnAndStayWithinACent(@ForAll("columns") List<Long> columns, @ForAll @IntRange(min = 1, max = 60) int n) {
        long[] c = columns.stream().mapToLong(Long::longValue).toArray();
        long[][] cents = ControlledRounding.roundEqually(c, n);
        long total = 0;
        for (long v : c) {
            total += v;
        }
        for (int j = 0; j < c.length; j++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += cents[i][j];
                assertTrue(Math.abs(cents[i][j] * n - c[j]) < n, "cell");
            }
            assertEquals(c[j], sum);
        }
        for (int i = 0; i < n; i++) {
            long row = 0;
            for (long v : cents[i]) {
                row += v;
            }
            assertTrue(Math.abs(row * n - total) < n, "row " + i);
        }
    }

    /** |cents - exact| < 1 cent. */
    private static boolean withinACent(BigInteger cents, ControlledRounding.Share exact) {
        BigInteger diff = cents.multiply(exact.denominator()).subtract(exact.numerator()).abs();
        return diff.compareTo(exact.denominator()) < 0;
    }

    @Provide
    Arbitrary<Table> tables() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 6))
                .flatAs((rows, columns) -> Combinators.combine(
                        Arbitraries.longs().between(-1_000_000L, 10_000_000L).list().ofSize(columns),
                        Arbitraries.longs().between(0, 5).list().ofSize(rows).list().ofSize(columns),
                        Arbitraries.integers().between(0, 1).list().ofSize(columns))
                        .as((totals, weights, groups) -> new Table(totals.stream().mapToLong(Long::longValue).toArray(),
                                weights.stream().map(w -> w.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new),
                                groups.stream().mapToInt(Integer::intValue).toArray())));
    }

    @Provide
    Arbitrary<List<Long>> columns() {
        return Arbitraries.longs().between(-10_000_000L, 10_000_000L).list().ofMinSize(1).ofMaxSize(4);
    }
}
