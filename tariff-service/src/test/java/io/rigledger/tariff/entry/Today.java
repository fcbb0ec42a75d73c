package io.rigledger.tariff.entry;

import io.quarkus.arc.ClientProxy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The service's today pinned for a test (EntryStore's clock), so tests whose dates are relative to today keep their
 * meaning whatever day the suite runs: no regime change of the duty schedule (e.g. the end of IEEPA on 2026-02-24), no
 * fiscal year of the MPF limits and no deadline (CAPE 80 days, deemed liquidation a year) moves under them.
 */
public final class Today {

    /** The day the tests are written against, 2026-11-30 (UTC). */
    public static final LocalDate DATE = LocalDate.of(2026, 11, 30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private Today() {
    }

    /** Pins {@code store}'s today to {@link #DATE}; call {@link #unpin} after the test. */
    public static void pin(EntryStore store) {
        ClientProxy.unwrap(store).clock = CLOCK;
    }

    /** The system clock again. */
    public static void unpin(EntryStore store) {
        ClientProxy.unwrap(store).clock = Clock.systemUTC();
    }
}
