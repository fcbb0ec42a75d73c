package io.rigledger.tariff.entry;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the entry tests whose dates are relative to today: the service's today (EntryStore's clock) is
 * {@link Today#DATE} during each test and the system clock again after it, so no regime change of the duty schedule,
 * fiscal year of the MPF limits or deadline (CAPE 80 days, deemed liquidation a year) moves under them.
 */
public abstract class PinnedTodayTest {

    @Inject
    protected EntryStore store;

    @BeforeEach
    protected void pinToday() {
        Today.pin(store);
    }

    @AfterEach
    protected void unpinToday() {
        Today.unpin(store);
    }
}
