package io.rigledger.platform.ratelimit;

import io.rigledger.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-caller quota on a clock the test moves: no waiting. */
class CallerQuotasTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    static PlatformConfig.RateLimit settings(int requests, Duration period, int maxCallers) {
        return new PlatformConfig.RateLimit() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int requests() {
                return requests;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public int maxCallers() {
                return maxCallers;
            }
        };
    }

    private CallerQuotas quotas(int requests, Duration period, int maxCallers) {
        return new CallerQuotas(settings(requests, period, maxCallers), nanos::get);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aCallerGetsItsLimitThenIsToldWhenToComeBack() {
        CallerQuotas quotas = quotas(3, Duration.ofMinutes(1), 100);
        for (int i = 2; i >= 0; i--) {
            Quota q = quotas.take("sub:a");
            assertTrue(q.allowed());
            assertEquals(3, q.limit());
            assertEquals(i, q.remaining());
            assertEquals(60, q.resetSeconds());
            assertEquals(0, q.retryAfterSeconds());
        }
        advance(Duration.ofSeconds(47).plusMillis(500));
        Quota refused = quotas.take("sub:a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(13, refused.retryAfterSeconds(), "12.5 s left, rounded up");
        assertEquals(13, refused.resetSeconds());
    }

    @Test
    void theQuotaIsWholeAgainOnceItsWindowHasPassed() {
        CallerQuotas quotas = quotas(2, Duration.ofSeconds(10), 100);
        quotas.take("sub:a");
        quotas.take("sub:a");
        assertFalse(quotas.take("sub:a").allowed());
        advance(Duration.ofSeconds(10));
        Quota again = quotas.take("sub:a");
        assertTrue(again.allowed());
        assertEquals(1, again.remaining());
    }

    @Test
    void oneCallersUseLeavesAnothersQuotaAlone() {
        CallerQuotas quotas = quotas(1, Duration.ofMinutes(1), 100);
        assertTrue(quotas.take("sub:a").allowed());
        assertFalse(quotas.take("sub:a").allowed());
        Quota other = quotas.take("sub:b");
        assertTrue(other.allowed());
        assertEquals(0, other.remaining());
        assertTrue(quotas.take("ip:203.0.113.7").allowed());
    }

    @Test
    void theWindowRunsFromTheCallersFirstRequest() {
        CallerQuotas quotas = quotas(5, Duration.ofMinutes(1), 100);
        quotas.take("sub:a");
        advance(Duration.ofMinutes(1));
        Quota q = quotas.take("sub:a");
        assertEquals(4, q.remaining());
        assertEquals(60, q.resetSeconds());
    }

    @Test
    void memoryIsBoundedByTheNumberOfCallersHeld() {
        CallerQuotas quotas = quotas(10, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 10_000; i++) {
            quotas.take("ip:10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(quotas.callersHeld() <= 100, "held " + quotas.callersHeld());
    }

    @Test
    void aCallerIdleForAWholeWindowIsForgotten() {
        CallerQuotas quotas = quotas(10, Duration.ofMinutes(1), 100);
        quotas.take("sub:a");
        quotas.take("sub:b");
        advance(Duration.ofSeconds(30));
        quotas.take("sub:b");
        advance(Duration.ofSeconds(31));
        assertEquals(1, quotas.callersHeld(), "a idle 61 s is dropped, b seen 31 s ago is kept");
    }

    @Test
    void aPeriodOutsideOneSecondToOneDayIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quotas(10, Duration.ofMillis(500), 100));
        assertTrue(e.getMessage().contains("rigledger.rate-limit.period"));
        assertThrows(IllegalArgumentException.class, () -> quotas(10, Duration.ofDays(2), 100));
    }
}
