package io.rigledger.procurement;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.ContractExamples.RequestExample;
import io.rigledger.testsupport.ContractTestBase;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract is what the service serves, and every example in it is accepted as written, with neighbours kept to theirs. */
@QuarkusTest
class ContractTest extends ContractTestBase {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @Override
    protected String contract() {
        return CONTRACT;
    }

    @Override
    protected Set<String> operationIds() {
        return Set.of("createPurchaseOrder", "listPurchaseOrders", "getPurchaseOrder", "updatePurchaseOrder",
                "submitPurchaseOrder", "confirmPurchaseOrder", "cancelPurchaseOrder", "requotePurchaseOrder", "getPurchaseOrderLandedCost",
                "createShipment", "listShipments", "getShipment", "receiveShipment", "getReceipt",
                "whatIfPurchaseOrders");
    }

    @Override
    protected Send send(RequestExample example) {
        if (example.operationId().equals("createShipment")) {
            // a CONFIRMED order of the example's organisation would have to exist first (ShipmentTest ships real ones)
            return Send.validateOnly("/api/purchase-orders/" + UUID.randomUUID() + "/shipments", example.json()).header("If-Match", "\"2\"");
        }
        if (example.operationId().equals("receiveShipment")) {
            // a shipment of the example's organisation would have to exist first (ReceiptTest receives real ones)
            return Send.validateOnly("/api/shipments/" + UUID.randomUUID() + "/receipts", example.json());
        }
        if (example.operationId().equals("updatePurchaseOrder")) {
            // an order of the example's organisation would have to exist first: validated against the contract only
            return Send.validateOnly("/api/purchase-orders/" + UUID.randomUUID(), example.json()).header("If-Match", "\"0\"");
        }
        return Send.post(Tokens.operator("org-" + UUID.randomUUID()), example.path(), example.json());
    }

    @Override
    protected void afterEachPost(RequestExample example) {
        assertEquals(List.of(), upstreams.contractBreaches(), example.operationId());
    }
}
