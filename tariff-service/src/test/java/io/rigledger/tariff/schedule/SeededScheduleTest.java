package io.rigledger.tariff.schedule;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.tariff.duty.InTransitRelief;
import io.rigledger.tariff.duty.Measure;
import io.rigledger.tariff.duty.Schedule;
import io.rigledger.tariff.duty.SeededSchedule;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The migrated database loads into exactly the schedule the engine's unit tests use. */
@QuarkusTest
class SeededScheduleTest {

    @Inject
    ScheduleSnapshots snapshots;

    @Test
    void theMigratedSeedIsTheScheduleTheEngineTestsUse() {
        Schedule loaded = snapshots.refresh();
        List<Measure> seeded = loaded.measures().stream().filter(m -> m.id() <= 22)
                .sorted(Comparator.comparingLong(Measure::id)).map(SeededScheduleTest::withoutText).toList();
        assertEquals(SeededSchedule.measures().stream().map(SeededScheduleTest::withoutText).toList(), seeded);
        assertEquals(SeededSchedule.reliefs().stream().map(SeededScheduleTest::withoutText).toList(),
                loaded.reliefs().stream().filter(r -> r.id() <= 9).sorted(Comparator.comparingLong(InTransitRelief::id))
                        .map(SeededScheduleTest::withoutText).toList());
    }

    static InTransitRelief withoutText(InTransitRelief r) {
        return new InTransitRelief(r.id(), r.program(), r.originCountries(), r.enteredFrom(), r.enteredBefore(),
                r.loadedFrom(), r.loadedBefore(), r.mode(), r.ratePercent().stripTrailingZeros(), r.heading(), "",
                r.confirmed());
    }

    /** Sources are prose; numbers, dates, countries and flags must match exactly (rates compared by value). */
    static Measure withoutText(Measure m) {
        return new Measure(m.id(), m.program(), m.heading(), m.htsPrefix(), m.originCountries(),
                m.ratePercent().stripTrailingZeros(), m.effectiveFrom(), m.effectiveTo(), "", "", m.confirmed(),
                m.refundable(), m.drawbackEligible(), m.nonUsContentOnly(), m.usContentHeading());
    }
}
