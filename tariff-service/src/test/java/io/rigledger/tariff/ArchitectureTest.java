package io.rigledger.tariff;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.rigledger.testsupport.arch.ScheduledJobs;
import io.rigledger.testsupport.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The architecture rules every service keeps (test-support's ServiceArchitecture), on this service's classes. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = ServiceArchitecture.classesOf("io.rigledger.tariff");

    /**
     * Every background job (scheduled, or a thread or timer a class starts) and why it keeps each organisation's data to it (fresh review R-11h D1): a new
     * {@code @Scheduled} method or thread fails here until it is given a cell.
     */
    @Test
    void everyScheduledJobHasATenancyCell() {
        ScheduledJobs.eachHasACell(Map.of(
                "ScheduleSnapshots.poll", "reloads the duty schedule, which every organisation shares: it reads and"
                        + " writes no organisation's data and calls no neighbour",
                "QuoteStore.onStart", "starts the writer threads that store several organisations' quotes in one COPY:"
                        + " QuoteStoreTest.quotesOfSeveralOrganisationsInOneBatchEachKeepTheirOrganisation",
                "IdempotencyPurge.purge", "the platform's purge (delete where expires_at <= now, whatever the organisation):"
                        + " procurement-service's BackgroundJobsTenancyTest runs it with two organisations using one key"),
                "io.rigledger.tariff", "io.rigledger.platform");
    }

    @Test
    void entitiesNeverLeaveAResource() {
        ServiceArchitecture.entitiesNeverLeaveAResource().check(SERVICE);
    }

    @Test
    void onlyUpstreamTouchesGeneratedClients() {
        ServiceArchitecture.onlyUpstreamTouchesGeneratedClients().check(SERVICE);
    }

    @Test
    void noTransactionIsOpenWhileANeighbourIsCalled() {
        ServiceArchitecture.noTransactionIsOpenWhileANeighbourIsCalled().check(SERVICE);
    }
}
