package io.rigledger.tariff.allocation;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked cases of issue 9 and the tables that rounding each column on its own gets wrong. */
class ControlledRoundingTest {

    /** {@code cents[j]} over rows by {@code weights[i]}, every column by the same weights. */
    static ControlledRounding.Share[][] table(long[] cents, long... weights) {
        long total = Arrays.stream(weights).sum();
        ControlledRounding.Share[][] exact = new ControlledRounding.Share[weights.length][cents.length];
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < cents.length; j++) {
                exact[i][j] = new ControlledRounding.Share(BigInteger.valueOf(cents[j] * weights[i]), BigInteger.valueOf(total));
            }
        }
        return exact;
    }

    static long[] rowTotals(long[][] cents) {
        return Arrays.stream(cents).mapToLong(r -> Arrays.stream(r).sum()).toArray();
    }

    @Test
    void fourLayersOfOneCentOverTwoEqualLinesGiveEachLineTwoCents() {
        long[][] cents = ControlledRounding.round(table(new long[] {1, 1, 1, 1}, 1, 1));
        assertArrayEquals(new long[] {2, 2}, rowTotals(cents));
        for (int j = 0; j < 4; j++) {
            assertEquals(1, cents[0][j] + cents[1][j]);
        }
    }

    @Test
    void theIssuesSingleColumnCasesAreTheLargestRemainder() {
        assertArrayEquals(new long[] {251, 250}, rowTotals(ControlledRounding.round(table(new long[] {501}, 1, 1))));
        assertArrayEquals(new long[] {34, 33, 33}, rowTotals(ControlledRounding.round(table(new long[] {100}, 1, 1, 1))));
        assertArrayEquals(new long[] {115, 114, 114, 114, 114, 114},
                rowTotals(ControlledRounding.round(table(new long[] {685}, 1, 1, 1, 1, 1, 1))));
        assertArrayEquals(new long[] {28572, 28571, 14286, 28571},
                rowTotals(ControlledRounding.round(table(new long[] {100000}, 6, 6, 3, 6))));
    }

    @Test
    void rowsRoundUpOnlyWhereAColumnCanStillGiveTheCent() {
        // rows 0 and 1 share column 0's one cent, rows 2 and 3 column 1's: the largest remainder
        // alone (ties to the lower rows) would round rows 0 and 1 up, which no table can give
        ControlledRounding.Share half = new ControlledRounding.Share(BigInteger.ONE, BigInteger.TWO);
        ControlledRounding.Share none = new ControlledRounding.Share(BigInteger.ZERO, BigInteger.ONE);
        long[][] cents = ControlledRounding.round(new ControlledRounding.Share[][] {{half, none}, {half, none}, {none, half}, {none, half}});
        assertArrayEquals(new long[] {1, 0, 1, 0}, rowTotals(cents));
    }

    @Test
    void dutyAndFeesOfALineStayWithinACentWhenTheyAreGroups() {
        // two duty layers and two fees of one cent over two equal lines: each line one cent of duty, one of fees
        long[][] cents = ControlledRounding.round(table(new long[] {1, 1, 1, 1}, 1, 1), new int[] {0, 0, 1, 1});
        for (long[] row : cents) {
            assertEquals(1, row[0] + row[1]);
            assertEquals(1, row[2] + row[3]);
        }
    }

    @Test
    void negativeColumnsRoundTheSameWay() {
        long[][] cents = ControlledRounding.round(table(new long[] {-501, 3}, 1, 1));
        assertEquals(-501, cents[0][0] + cents[1][0]);
        assertEquals(3, cents[0][1] + cents[1][1]);
        assertArrayEquals(new long[] {-249, -249}, rowTotals(cents));
    }

    @Test
    void equalRowsGetTheLeftoverCentsRoundRobinLowerRowsFirst() {
        long[][] cents = ControlledRounding.roundEqually(new long[] {2, 2}, 4);
        assertArrayEquals(new long[] {1, 1, 1, 1}, rowTotals(cents));
        assertArrayEquals(new long[] {1, 0}, cents[0]);
        assertArrayEquals(new long[] {0, 1}, cents[2]);
        assertArrayEquals(new long[] {4762, 4762, 4762, 4762, 4762, 4761},
                rowTotals(ControlledRounding.roundEqually(new long[] {28000, 571}, 6)));
    }
}
