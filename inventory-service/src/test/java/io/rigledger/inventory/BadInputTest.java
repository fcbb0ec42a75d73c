package io.rigledger.inventory;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.fuzz.BadInputCheck;
import io.rigledger.testsupport.fuzz.BadInputPlan;
import io.rigledger.testsupport.fuzz.BadInputReport;
import io.rigledger.testsupport.fuzz.RoleTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

import static io.rigledger.inventory.InventoryTestResources.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of malformed requests derived from inventory.yaml (test-support's seeded bad-input
 * generator): every answer is a 4xx problem+json the contract describes, and no table changes
 * (not the rigs, their history, the rollups, places or the catalogue).
 */
@QuarkusTest
class BadInputTest {

    @TestHTTPResource("/")
    URI service;

    @Inject
    DataSource database;

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndNothingIsWritten() {
        BadInputPlan plan = BadInputPlan.forContract(CONTRACT).requests(3_600).build();

        BadInputReport report = BadInputCheck.refusedWithoutWriting(service, database, plan, new RoleTokens("northwind"));

        assertTrue(report.sent() >= 3_500, "sent " + report.sent());
    }
}
