package io.rigledger.procurement.receipt;

import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the receipt tests share: healthy fake neighbours, every exchange with them held to their
 * contracts (checked after each test), the breakers closed, and the outbox rows other tests left due
 * delivered before each test, so each test counts only its own. Each subclass is a {@code @QuarkusTest}.
 */
abstract class ReceiptTestBase {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    RigDelivery delivery;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
        deliverAll();
    }

    @AfterEach
    void everyExchangeWithTheNeighboursKeptTheirContracts() {
        assertEquals(List.of(), upstreams.contractBreaches());
    }

    /** Delivers every due outbox row to inventory-service (at most 20 rounds, each after the breakers are reset). */
    void deliverAll() {
        for (int i = 0; i < 20 && delivery.runOnce() > 0; i++) {
            circuits.resetAll();
        }
    }
}
