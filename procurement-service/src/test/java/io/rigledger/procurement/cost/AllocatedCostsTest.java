package io.rigledger.procurement.cost;

import io.rigledger.procurement.cost.AllocatedCosts.Covered;
import io.rigledger.procurement.cost.AllocatedCosts.LineCost;
import io.rigledger.procurement.cost.AllocatedCosts.RigCost;
import io.rigledger.procurement.cost.LandedCosts.RigRange;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A line's landed cost once entries cover some of its rigs: worked examples, and exact sums for any input. */
class AllocatedCostsTest {

    private static final UUID ENTRY = UUID.fromString("3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40");

    private static BigDecimal usd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void eachCoveredRigTakesTariffsDutyAndFeesLowerSerialFirst() {
        Covered c = new Covered(ENTRY, usd("4200.00"), usd("41.56"), List.of("SN-3", "SN-1", "SN-2"),
                List.of(usd("1400.00"), usd("1400.00"), usd("1400.00")), List.of(usd("13.85"), usd("13.86"), usd("13.85")));
        LineCost line = AllocatedCosts.of(3, usd("4000.00"), usd("3900.00"), usd("40.00"), List.of(c));
        List<RigCost> rigs = line.covered();
        assertEquals(List.of("SN-1", "SN-2", "SN-3"), rigs.stream().map(RigCost::serialNumber).toList());
        assertEquals(usd("13.86"), rigs.get(0).each().fees());
        assertEquals(usd("1400.00"), rigs.get(0).each().duty());
        assertEquals(usd("1400.00"), rigs.get(2).each().duty());
        assertEquals(usd("5413.86"), rigs.get(0).each().landedCost());
        assertEquals(List.of(), line.quoted());
        assertEquals(usd("16241.56"), line.line().landedCost());
    }

    @Test
    void uncoveredRigsKeepTheQuotesShareOfThePositionsAfterTheCoveredOnes() {
        Covered c = new Covered(ENTRY, usd("100.00"), usd("1.00"), List.of("SN-1"), List.of(usd("100.00")), List.of(usd("1.00")));
        // the quote: duty 10.01 over 3 rigs is 1001 cents = 333 each and 2 left: 3.34, 3.34, 3.33
        LineCost line = AllocatedCosts.of(3, usd("10.00"), usd("10.01"), usd("0.00"), List.of(c));
        assertEquals(List.of(new RigRange(2, 2, LandedCosts.Parts.of(usd("10.00"), usd("3.34"), usd("0.00"))),
                new RigRange(3, 3, LandedCosts.Parts.of(usd("10.00"), usd("3.33"), usd("0.00")))), line.quoted());
        assertEquals(usd("106.67"), line.line().duty());
        assertEquals(usd("1.00"), line.line().fees());
    }

    @Test
    void moreRigsCoveredThanTheLineHasOrAmountsThatDoNotAddUpAreRefused() {
        Covered two = new Covered(ENTRY, usd("2.00"), usd("0.00"), List.of("A", "B"), List.of(usd("1.00"), usd("1.00")),
                List.of(usd("0.00"), usd("0.00")));
        assertThrows(IllegalArgumentException.class, () -> AllocatedCosts.of(1, usd("1.00"), usd("0.00"), usd("0.00"), List.of(two)));
        Covered wrong = new Covered(ENTRY, usd("2.00"), usd("0.00"), List.of("A", "B"), List.of(usd("1.00"), usd("0.99")),
                List.of(usd("0.00"), usd("0.00")));
        assertThrows(IllegalArgumentException.class, () -> AllocatedCosts.of(2, usd("1.00"), usd("0.00"), usd("0.00"), List.of(wrong)));
    }

    @Property(tries = 300)
    void rigsAddUpToTheLineAndNoPartIsNegative(@ForAll @IntRange(min = 1, max = 40) int quantity,
                                               @ForAll @IntRange(min = 0, max = 40) int coveredAsked,
                                               @ForAll @IntRange(min = 0, max = 5_000_000) int dutyCents,
                                               @ForAll @IntRange(min = 0, max = 100_000) int feeCents,
                                               @ForAll @IntRange(min = 0, max = 5_000_000) int quoteDutyCents,
                                               @ForAll @IntRange(min = 0, max = 100_000) int quoteFeeCents) {
        int covered = Math.min(coveredAsked, quantity);
        BigDecimal duty = BigDecimal.valueOf(dutyCents, 2);
        BigDecimal fees = BigDecimal.valueOf(feeCents, 2);
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < covered; i++) {
            serials.add("SN-%03d".formatted(i));
        }
        List<Covered> parts = covered == 0 ? List.of()
                : List.of(new Covered(ENTRY, duty, fees, serials, LargestRemainder.equally(duty, covered),
                        LargestRemainder.equally(fees, covered)));
        LineCost line = AllocatedCosts.of(quantity, usd("3500.00"), BigDecimal.valueOf(quoteDutyCents, 2),
                BigDecimal.valueOf(quoteFeeCents, 2), parts);
        BigDecimal sumDuty = BigDecimal.ZERO;
        BigDecimal sumFees = BigDecimal.ZERO;
        int rigs = 0;
        for (RigCost r : line.covered()) {
            assertEquals(1, r.each().duty().signum() >= 0 && r.each().fees().signum() >= 0 ? 1 : 0);
            sumDuty = sumDuty.add(r.each().duty());
            sumFees = sumFees.add(r.each().fees());
            rigs++;
        }
        for (RigRange r : line.quoted()) {
            int n = r.toRig() - r.fromRig() + 1;
            sumDuty = sumDuty.add(r.each().duty().multiply(BigDecimal.valueOf(n)));
            sumFees = sumFees.add(r.each().fees().multiply(BigDecimal.valueOf(n)));
            rigs += n;
        }
        assertEquals(quantity, rigs);
        assertEquals(0, line.line().duty().compareTo(sumDuty));
        assertEquals(0, line.line().fees().compareTo(sumFees));
        if (covered > 0) {
            assertEquals(0, line.covered().stream().map(r -> r.each().duty()).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(duty));
        }
    }
}
