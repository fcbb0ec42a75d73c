package io.rigledger.tariff.allocation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Largest remainder always adds up to the amount and leaves every part within a cent of its exact share. */
class LargestRemainderProperties {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Property(tries = 500)
    void partsAddUpAndEachIsWithinACentOfItsExactShare(@ForAll("amounts") BigDecimal amount,
                                                       @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 100_000) Integer> raw) {
        List<BigDecimal> weights = raw.stream().map(BigDecimal::valueOf).toList();
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            return;
        }
        List<BigDecimal> parts = LargestRemainder.split(amount, weights);
        assertEquals(0, parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(amount));
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = amount.multiply(weights.get(i)).divide(total, MathContext.DECIMAL128);
            assertTrue(parts.get(i).subtract(exact).abs().compareTo(CENT) < 0, parts.get(i) + " vs " + exact);
            assertEquals(2, parts.get(i).scale());
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.longs().between(-100_000_000_00L, 100_000_000_00L).map(c -> BigDecimal.valueOf(c, 2));
    }
}
