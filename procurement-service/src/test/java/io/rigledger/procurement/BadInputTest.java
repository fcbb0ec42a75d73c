package io.rigledger.procurement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.fuzz.BadInputCheck;
import io.rigledger.testsupport.fuzz.BadInputPlan;
import io.rigledger.testsupport.fuzz.BadInputReport;
import io.rigledger.testsupport.fuzz.RoleTokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of malformed requests derived from procurement.yaml (test-support's seeded bad-input
 * generator): every answer is a 4xx problem+json the contract describes, no table changes, and no
 * neighbour is asked anything.
 */
@QuarkusTest
class BadInputTest {

    @TestHTTPResource("/")
    URI service;

    @Inject
    DataSource database;

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Test
    void everyMalformedRequestIsRefusedWithAProblemBeforeAnythingIsWrittenOrAsked() {
        upstreams.reset();
        circuits.resetAll();
        BadInputPlan plan = BadInputPlan.forContract(CONTRACT).requests(3_600).build();

        BadInputReport report = BadInputCheck.refusedWithoutWriting(service, database, plan, new RoleTokens("northwind"));

        assertEquals(0, upstreams.quoteCalls() + upstreams.modelCalls(), "bad input reached a neighbour");
        assertTrue(report.sent() >= 3_500, "sent " + report.sent());
    }
}
