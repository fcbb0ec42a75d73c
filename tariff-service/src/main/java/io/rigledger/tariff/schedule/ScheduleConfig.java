package io.rigledger.tariff.schedule;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * tariff-service's schedule settings, under {@code rigledger.schedule.*} (the platform's typed
 * {@code rigledger.*} configuration refuses a rigledger property no mapping knows).
 */
@ConfigMapping(prefix = "rigledger.schedule")
public interface ScheduleConfig {

    /**
     * How often each replica checks whether an admin changed the schedule (environment
     * SCHEDULE_POLL_INTERVAL); {@link ScheduleSnapshots#poll()} is scheduled with it.
     */
    Duration pollInterval();
}
