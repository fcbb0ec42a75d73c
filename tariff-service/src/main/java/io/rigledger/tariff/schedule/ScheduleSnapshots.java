package io.rigledger.tariff.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rigledger.tariff.duty.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * The schedule snapshot every quote computes from, held in memory and swapped whole.
 *
 * <p>Every replica polls the one-row schedule_version table (bumped in the transaction of every
 * admin change) every {@code rigledger.schedule.poll-interval} and reloads when it moved; the
 * replica that made a change reloads at once. A quote therefore never reads the schedule from the
 * database, and every quote names the {@link Schedule#version()} it used.
 */
@ApplicationScoped
public class ScheduleSnapshots {

    private static final Logger LOG = Logger.getLogger(ScheduleSnapshots.class);

    @Inject
    EntityManager em;

    @Inject
    ScheduleConfig config;

    private volatile Schedule current;

    void onStart(@Observes StartupEvent start) {
        refresh();
        LOG.debugf("duty schedule: checking for changes every %s", config.pollInterval());
    }

    /** The snapshot in force now; never null once the application has started. */
    public Schedule current() {
        Schedule s = current;
        return s != null ? s : refresh();
    }

    /** Reloads when another replica (or this one) changed the schedule since the last load. */
    @Scheduled(every = "${rigledger.schedule.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${rigledger.schedule.poll-interval}")
    void poll() {
        long stored = QuarkusTransaction.requiringNew().call(this::storedVersion);
        Schedule s = current;
        if (s == null || s.version() != stored) {
            refresh();
        }
    }

    /** Loads the whole schedule in one read-only transaction and makes it current. */
    public synchronized Schedule refresh() {
        Schedule loaded = QuarkusTransaction.requiringNew().call(this::load);
        current = loaded;
        LOG.debugf("duty schedule version %d loaded: %d measures", loaded.version(), loaded.measures().size());
        return loaded;
    }

    /** The version the next change will publish; call inside the change's transaction. */
    public long bumpVersion() {
        em.createNativeQuery("update schedule_version set version = version + 1 where id = 1").executeUpdate();
        return storedVersion();
    }

    private long storedVersion() {
        return ((Number) em.createNativeQuery("select version from schedule_version where id = 1").getSingleResult())
                .longValue();
    }

    private Schedule load() {
        long version = storedVersion();
        return new Schedule(version,
                DutyMeasure.<DutyMeasure>listAll().stream().map(DutyMeasure::toMeasure).toList(),
                ReliefRow.<ReliefRow>listAll().stream().map(ReliefRow::toRelief).toList(),
                StatisticalNumberRow.<StatisticalNumberRow>listAll().stream().map(StatisticalNumberRow::toNumber).toList(),
                FeeRateRow.<FeeRateRow>listAll().stream().map(FeeRateRow::toFeeRate).toList(),
                MpfYearRow.<MpfYearRow>listAll().stream().map(MpfYearRow::toLimits).toList());
    }
}
