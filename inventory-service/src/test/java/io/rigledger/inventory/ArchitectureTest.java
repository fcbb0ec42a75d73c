package io.rigledger.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.rigledger.testsupport.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The architecture rules every service keeps (test-support's ServiceArchitecture), on this service's classes. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = ServiceArchitecture.classesOf("io.rigledger.inventory");

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
