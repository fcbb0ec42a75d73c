package io.rigledger.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.runtime.Startup;
import io.rigledger.platform.config.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket (Bucket4j) per caller, held in a bounded Caffeine cache. Each bucket holds
 * {@code rigledger.rate-limit.requests} tokens and is refilled whole once per
 * {@code rigledger.rate-limit.period}, counted from the caller's first request; a request takes one
 * token or is refused. A bucket left alone for a whole period is full again, so the cache drops it
 * then (nothing is lost), and it never holds more than {@code rigledger.rate-limit.max-callers}
 * buckets (least recently used first out). State is per process: with n replicas a caller may get
 * n times the limit.
 */
@Singleton
@Startup
public class CallerQuotas {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(1);

    private final boolean enabled;
    private final long limit;
    private final Duration period;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    @Inject
    public CallerQuotas(PlatformConfig config) {
        this(config.rateLimit(), System::nanoTime);
    }

    /**
     * @param settings the limits
     * @param nanoClock a monotonic clock in nanoseconds (System::nanoTime; tests move their own)
     * @throws IllegalArgumentException when the period is shorter than a second or longer than a day
     */
    CallerQuotas(PlatformConfig.RateLimit settings, LongSupplier nanoClock) {
        if (settings.period().compareTo(SHORTEST_PERIOD) < 0 || settings.period().compareTo(LONGEST_PERIOD) > 0) {
            throw new IllegalArgumentException("rigledger.rate-limit.period must be between PT1S and P1D, not "
                    + settings.period());
        }
        this.enabled = settings.enabled();
        this.limit = settings.requests();
        this.period = settings.period();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxCallers())
                .expireAfterAccess(period)
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** False when rigledger.rate-limit.enabled is off: nothing is counted and no headers are sent. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes one request from a caller's quota.
     *
     * @param caller a stable key for the caller ({@code sub:<subject>} or {@code ip:<address>})
     * @return whether the request may go on, and the numbers for the RateLimit headers
     */
    public Quota take(String caller) {
        Bucket bucket = buckets.get(caller, k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = ceilSeconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Quota(true, limit, probe.getRemainingTokens(), reset, 0);
        }
        return new Quota(false, limit, 0, Math.max(1, reset), Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    /** The number of requests a caller may make per period. */
    public long limit() {
        return limit;
    }

    /** The length of one window. */
    public Duration period() {
        return period;
    }

    /** How many callers' buckets are held now (after pending evictions). */
    long callersHeld() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, period))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
