package io.rigledger.procurement.cost;

import io.rigledger.procurement.cost.LandedCosts.RigRange;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-rig landed cost: the rigs of a line add up to the line exactly, as the largest remainder split gives them. */
class LandedCostsTest {

    @Test
    void sixRigsCarryingAThousandDollarsOfDutyGet166Point67Or166Point66() {
        List<RigRange> rigs = LandedCosts.rigs(6, new BigDecimal("5400.00"), new BigDecimal("1000.00"), new BigDecimal("0.05"));
        assertEquals(List.of(
                new RigRange(1, 4, LandedCosts.Parts.of(new BigDecimal("5400.00"), new BigDecimal("166.67"), new BigDecimal("0.01"))),
                new RigRange(5, 5, LandedCosts.Parts.of(new BigDecimal("5400.00"), new BigDecimal("166.66"), new BigDecimal("0.01"))),
                new RigRange(6, 6, LandedCosts.Parts.of(new BigDecimal("5400.00"), new BigDecimal("166.66"), new BigDecimal("0.00")))),
                rigs);
    }

    @Property
    void theRangesCoverEveryRigAndAddUpToTheLineAsLargestRemainderSplitsIt(
            @ForAll @IntRange(min = 1, max = 500) int quantity,
            @ForAll @IntRange(min = 0, max = 50_000_000) int dutyCents,
            @ForAll @IntRange(min = 0, max = 100_000) int feeCents) {
        BigDecimal duty = BigDecimal.valueOf(dutyCents, 2);
        BigDecimal fees = BigDecimal.valueOf(feeCents, 2);
        List<RigRange> ranges = LandedCosts.rigs(quantity, new BigDecimal("1000.00"), duty, fees);
        List<BigDecimal> duties = LargestRemainder.equally(duty, quantity);
        List<BigDecimal> shares = LargestRemainder.equally(fees, quantity);
        int next = 1;
        BigDecimal dutySum = BigDecimal.ZERO;
        BigDecimal feeSum = BigDecimal.ZERO;
        for (RigRange r : ranges) {
            assertEquals(next, r.fromRig());
            for (int rig = r.fromRig(); rig <= r.toRig(); rig++) {
                assertEquals(duties.get(rig - 1), r.each().duty(), "rig " + rig);
                assertEquals(shares.get(rig - 1), r.each().fees(), "rig " + rig);
            }
            int count = r.toRig() - r.fromRig() + 1;
            dutySum = dutySum.add(r.each().duty().multiply(BigDecimal.valueOf(count)));
            feeSum = feeSum.add(r.each().fees().multiply(BigDecimal.valueOf(count)));
            next = r.toRig() + 1;
        }
        assertEquals(quantity + 1, next);
        assertEquals(0, duty.compareTo(dutySum));
        assertEquals(0, fees.compareTo(feeSum));
    }
}
