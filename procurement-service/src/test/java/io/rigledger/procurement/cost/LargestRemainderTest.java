package io.rigledger.procurement.cost;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The largest remainder split of docs/domain.md (Allocation): its worked examples, and its promises for any input. */
class LargestRemainderTest {

    @Test
    void oneDollarOverThreeEqualLinesGivesTheFirstTheExtraCent() {
        assertEquals(List.of(new BigDecimal("0.34"), new BigDecimal("0.33"), new BigDecimal("0.33")),
                LargestRemainder.equally(new BigDecimal("1.00"), 3));
    }

    @Test
    void aThousandOverLinesOfSixSixThreeAndSixRigs() {
        List<BigDecimal> lines = LargestRemainder.split(new BigDecimal("1000.00"),
                List.of(BigDecimal.valueOf(6), BigDecimal.valueOf(6), BigDecimal.valueOf(3), BigDecimal.valueOf(6)));
        assertEquals(List.of(new BigDecimal("285.72"), new BigDecimal("285.71"), new BigDecimal("142.86"),
                new BigDecimal("285.71")), lines);
        List<BigDecimal> rigs = LargestRemainder.equally(lines.get(0), 6);
        assertEquals(new BigDecimal("47.62"), rigs.get(0));
        assertEquals(new BigDecimal("47.62"), rigs.get(5));
    }

    @Test
    void nothingSplitOverNothingIsZeroButSomethingOverNothingIsRefused() {
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("0.00")),
                LargestRemainder.split(BigDecimal.ZERO, List.of(BigDecimal.ZERO, BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> LargestRemainder.split(BigDecimal.ONE, List.of(BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> LargestRemainder.split(new BigDecimal("0.001"), List.of(BigDecimal.ONE)));
    }

    @Property
    void sharesAddUpExactlyAndStayWithinACentOfTheExactShare(
            @ForAll @IntRange(min = 0, max = 100_000_000) int cents,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 1_000_000) Integer> weights) {
        List<BigDecimal> w = weights.stream().map(BigDecimal::valueOf).toList();
        BigDecimal total = w.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        if (total.signum() == 0) {
            w = weights.stream().map(x -> BigDecimal.ONE).toList();
            total = BigDecimal.valueOf(weights.size());
        }
        List<BigDecimal> shares = LargestRemainder.split(amount, w);
        assertEquals(amount, shares.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal exact = amount.multiply(w.get(i)).divide(total, 10, java.math.RoundingMode.HALF_UP);
            assertTrue(shares.get(i).subtract(exact).abs().compareTo(new BigDecimal("0.01")) < 0,
                    "share " + shares.get(i) + " vs exact " + exact);
            assertEquals(2, shares.get(i).scale());
        }
    }
}
