package io.rigledger.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.rigledger.testsupport.arch.ScheduledJobs;
import io.rigledger.testsupport.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The architecture rules every service keeps (test-support's ServiceArchitecture), on this service's classes. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = ServiceArchitecture.classesOf("io.rigledger.inventory");

    /**
     * Every background job and why it keeps each organisation's data to it (fresh review R-11h D1): a new
     * {@code @Scheduled} method fails here until it is given a cell.
     */
    @Test
    void everyScheduledJobHasATenancyCell() {
        ScheduledJobs.eachHasACell(Map.of(
                "IdempotencyPurge.purge", "never runs here: inventory-service has no Quarkus scheduler, so the platform's"
                        + " purge bean is not created (its cell is procurement-service's BackgroundJobsTenancyTest)"),
                "io.rigledger.inventory", "io.rigledger.platform");
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
