package io.rigledger.procurement;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.SecurityMatrix.Endpoint;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;
import static io.rigledger.testsupport.SecurityMatrix.endpoint;

/** Who may call what: every refused token is 401 with its reason, every role outside an operation's list is 403. */
@QuarkusTest
class SecurityTest {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("createPurchaseOrder", "POST", "/api/purchase-orders", requestExample(CONTRACT, "createPurchaseOrder"),
                    "operator"),
            endpoint("listPurchaseOrders", "GET", "/api/purchase-orders", null, "operator", "finance", "ops"),
            endpoint("getPurchaseOrder", "GET", "/api/purchase-orders/" + UUID.randomUUID(), null, "operator", "finance", "ops"),
            endpoint("updatePurchaseOrder", "PATCH", "/api/purchase-orders/" + UUID.randomUUID(),
                    requestExample(CONTRACT, "updatePurchaseOrder"), "operator"),
            endpoint("submitPurchaseOrder", "POST", "/api/purchase-orders/" + UUID.randomUUID() + "/submit", null, "operator"),
            endpoint("confirmPurchaseOrder", "POST", "/api/purchase-orders/" + UUID.randomUUID() + "/confirm", null, "operator"),
            endpoint("cancelPurchaseOrder", "POST", "/api/purchase-orders/" + UUID.randomUUID() + "/cancel", null, "operator"),
            endpoint("getPurchaseOrderLandedCost", "GET", "/api/purchase-orders/" + UUID.randomUUID() + "/landed-cost", null,
                    "operator", "finance", "ops"),
            endpoint("requotePurchaseOrder", "POST", "/api/purchase-orders/" + UUID.randomUUID() + "/requote", null,
                    "operator", "finance"),
            endpoint("createShipment", "POST", "/api/purchase-orders/" + UUID.randomUUID() + "/shipments",
                    requestExample(CONTRACT, "createShipment"), "operator"),
            endpoint("listShipments", "GET", "/api/purchase-orders/" + UUID.randomUUID() + "/shipments", null,
                    "operator", "finance", "ops"),
            endpoint("getShipment", "GET", "/api/shipments/" + UUID.randomUUID(), null, "operator", "finance", "ops"),
            endpoint("receiveShipment", "POST", "/api/shipments/" + UUID.randomUUID() + "/receipts",
                    requestExample(CONTRACT, "receiveShipment"), "operator", "ops"),
            endpoint("getReceipt", "GET", "/api/receipts/" + UUID.randomUUID(), null, "operator", "finance", "ops"),
            endpoint("whatIfPurchaseOrders", "GET", "/api/purchase-orders/what-if?entryDate=2027-01-15", null, "operator", "finance"));

    static List<SecurityMatrix.Case> cases() {
        return SecurityMatrix.cases(ENDPOINTS);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyTheRolesAnOperationNamesGetThroughAndEveryRefusalSaysWhy(SecurityMatrix.Case c) {
        c.check(CONTRACT);
    }

    @Test
    void theMatrixCoversEveryOperationOfTheContract() {
        SecurityMatrix.assertCoversEveryOperation(CONTRACT, ENDPOINTS);
    }
}
