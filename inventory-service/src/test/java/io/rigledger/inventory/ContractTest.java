package io.rigledger.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.inventory.fakes.FakeProcurement;
import io.rigledger.inventory.fakes.InjectFakeProcurement;
import io.rigledger.testsupport.ContractExamples.RequestExample;
import io.rigledger.testsupport.ContractTestBase;
import io.rigledger.testsupport.Tokens;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.rigledger.inventory.InventoryTestResources.CONTRACT;

/** The contract is what the service serves, and every example in it is valid and, standing alone, accepted as written. */
@QuarkusTest
class ContractTest extends ContractTestBase {

    /**
     * Examples that name no stored rig or site: posted as written, each to a fresh organisation (so
     * fixed serial numbers never clash), by the role the operation is for.
     */
    private static final Map<String, String> STANDALONE = Map.of(
            "registerRigs", "operator", "registerRigBatch", "ops", "putSite", "ops");

    /** The purchase order the registration examples name; procurement holds it for each example's organisation. */
    private static final UUID EXAMPLE_ORDER = UUID.fromString("3f2b8c1e-6a4d-4e2f-9b1a-0c5d7e8f9a10");

    @InjectFakeProcurement
    FakeProcurement procurement;

    @Override
    protected String contract() {
        return CONTRACT;
    }

    @Override
    protected Set<String> operationIds() {
        return Set.of("registerRigs", "listRigs", "registerRigBatch", "exportRigs", "deployRigs", "getRig",
                "transitionRig", "setRigMac", "setRigLandedCost", "getRigHistory", "listSites", "getSite", "putSite",
                "getSiteHistory", "listRacks", "putRack", "putSiteIntoMaintenance", "getFleetSummary", "listRigModels", "getRigModel",
                "putRigModel", "listManufacturers", "listPlants", "getPlant", "putPlant");
    }

    @Override
    protected Send send(RequestExample example) {
        String role = STANDALONE.get(example.operationId());
        if (role == null) {
            String path = example.path().replace("{id}", "RIG-000000001").replace("{site}", "DAL1")
                    .replace("{rack}", "A01").replace("{code}", example.operationId().equals("putPlant") ? "BITMAIN-US"
                            : "whatsminer-m60s");
            return Send.validateOnly(path, example.json());
        }
        String org = "example-" + UUID.randomUUID();
        procurement.hasOrder(org, EXAMPLE_ORDER, 1);
        return Send.post(Tokens.user(role + "-" + org, org, role), example.path().replace("{site}", "DAL1"),
                example.json().replace("\"northwind\"", "\"" + org + "\""));
    }
}
