package io.rigledger.tariff.allocation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The allocation cases of docs/domain.md ("Allocation") and issue 9, exact to the cent. */
class LargestRemainderTest {

    private static List<BigDecimal> money(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }

    private static List<BigDecimal> ones(int n) {
        return Collections.nCopies(n, BigDecimal.ONE);
    }

    @Test
    void fivePointZeroOneOverTwoEqualLinesIsTwoFiftyOneThenTwoFifty() {
        assertEquals(money("2.51", "2.50"), LargestRemainder.split(new BigDecimal("5.01"), ones(2)));
    }

    @Test
    void oneDollarOverThreeIsThirtyFourThenThirtyThreeTwice() {
        assertEquals(money("0.34", "0.33", "0.33"), LargestRemainder.split(new BigDecimal("1.00"), ones(3)));
    }

    @Test
    void sixEightyFiveOverSixIsOneOneFifteenAndFiveOneFourteen() {
        assertEquals(money("1.15", "1.14", "1.14", "1.14", "1.14", "1.14"), LargestRemainder.split(new BigDecimal("6.85"), ones(6)));
    }

    @Test
    void aThousandByQuantityOverSixSixThreeSixGivesTheLargestRemaindersTheCents() {
        List<BigDecimal> lines = LargestRemainder.split(new BigDecimal("1000.00"), money("6", "6", "3", "6"));
        assertEquals(money("285.72", "285.71", "142.86", "285.71"), lines);
        BigDecimal total = BigDecimal.ZERO;
        int[] counts = {6, 6, 3, 6};
        for (int i = 0; i < 4; i++) {
            for (BigDecimal rig : LargestRemainder.split(lines.get(i), ones(counts[i]))) {
                assertEquals(true, rig.equals(new BigDecimal("47.62")) || rig.equals(new BigDecimal("47.61")), rig.toString());
                total = total.add(rig);
            }
        }
        assertEquals(new BigDecimal("1000.00"), total);
        assertEquals(money("47.62", "47.62", "47.62", "47.62", "47.62", "47.61"), LargestRemainder.split(new BigDecimal("285.71"), ones(6)));
    }

    @Test
    void aNegativeAmountSplitsLikeItsAbsoluteValueNegated() {
        assertEquals(money("-0.34", "-0.33", "-0.33"), LargestRemainder.split(new BigDecimal("-1.00"), ones(3)));
    }

    @Test
    void weightsOfAnyScaleAreExact() {
        assertEquals(money("33.33", "66.67"), LargestRemainder.split(new BigDecimal("100.00"), money("0.1", "0.2")));
    }

    @Test
    void aZeroBasisANegativeWeightOrMoreThanTwoDecimalsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(BigDecimal.TEN, money("0", "0.00")));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(BigDecimal.TEN, money("1", "-1")));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(new BigDecimal("1.001"), ones(2)));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(BigDecimal.TEN, List.of()));
    }
}
