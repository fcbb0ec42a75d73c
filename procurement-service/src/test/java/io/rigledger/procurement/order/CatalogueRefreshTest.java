package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.procurement.upstream.Catalogue;
import io.rigledger.procurement.upstream.CatalogueRefresh;
import io.rigledger.procurement.upstream.CatalogueSnapshot;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue renewed in the background ({@link CatalogueRefresh}): the refresh replaces the cached copy, so
 * orders go on without reading inventory-service themselves; a refresh that fails keeps the last copy in use, so
 * orders go on while inventory-service is down (until the copy expires: UpstreamFailureTest's unreadable catalogue).
 * The scheduled trigger is off in tests; each test runs the job's one pass itself.
 */
@QuarkusTest
class CatalogueRefreshTest {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    Catalogue catalogue;

    @Inject
    CatalogueRefresh refresh;

    @BeforeEach
    void healthyNeighboursAndNoCachedCopy() {
        upstreams.reset();
        circuits.resetAll();
        catalogue.forget();
    }

    @AfterEach
    void everyExchangeWithTheNeighboursKeptTheirContracts() {
        assertEquals(List.of(), upstreams.contractBreaches());
        upstreams.reset();
        circuits.resetAll();
        catalogue.forget();
    }

    private static void orderPlaced() {
        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY")).post("/api/purchase-orders")
                .then().statusCode(201).body("dutyEstimate.status", equalTo("QUOTED"));
    }

    @Test
    void theRefreshReplacesTheCachedCopyAndOrdersUseItWithoutAReadOfTheirOwn() {
        int before = upstreams.modelCalls();
        CatalogueSnapshot first = catalogue.snapshot();
        int reads = upstreams.modelCalls();
        int pagesPerRead = reads - before;
        assertTrue(pagesPerRead > 0, "the first copy was read from inventory-service");

        assertTrue(refresh.refresh(), "inventory-service answered");
        assertEquals(reads + pagesPerRead, upstreams.modelCalls(), "the job read the catalogue once, page by page");
        reads = upstreams.modelCalls();
        CatalogueSnapshot renewed = catalogue.snapshot();
        assertTrue(renewed.readAt().isAfter(first.readAt()),
                "the cached copy is the job's (read at " + renewed.readAt() + "), not the first (" + first.readAt() + ")");

        orderPlaced();
        assertEquals(reads, upstreams.modelCalls(), "the order used the renewed copy");
    }

    @Test
    void aRefreshThatFailsKeepsTheLastCopyAndOrdersGoOnWhileInventoryServiceIsDown() {
        CatalogueSnapshot first = catalogue.snapshot();
        upstreams.inventoryFails();

        assertFalse(refresh.refresh(), "inventory-service failed: nothing to put in the cache");
        assertEquals(first.readAt(), catalogue.snapshot().readAt(), "the copy read before stays in use");
        int reads = upstreams.modelCalls();
        orderPlaced();
        assertEquals(reads, upstreams.modelCalls(), "the order did not try inventory-service");
    }
}
