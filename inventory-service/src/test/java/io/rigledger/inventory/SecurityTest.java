package io.rigledger.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.SecurityMatrix.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.rigledger.inventory.InventoryTestResources.CONTRACT;
import static io.rigledger.testsupport.SecurityMatrix.endpoint;

/**
 * Every operation of the contract: every refused token is 401 saying why, each role the operation
 * is not for is 403, each role it is for gets past the check. What the allowed roles get is tested
 * per feature.
 */
@QuarkusTest
class SecurityTest {

    private static final String[] READERS = {"operator", "finance", "ops"};
    private static final String[] EVERYONE = {"operator", "finance", "ops", "admin", "service"};
    private static final String RIG = "/api/rigs/RIG-000000001";
    private static final String NEW_RIG = "{\"rigs\":[{\"serialNumber\":\"SEC1\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\"}]}";

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("registerRigs", "POST", "/api/rigs", NEW_RIG, "operator", "ops"),
            endpoint("listRigs", "GET", "/api/rigs", null, "operator", "finance", "ops", "service"),
            endpoint("registerRigBatch", "POST", "/api/rigs/batch", NEW_RIG, "ops", "service"),
            endpoint("exportRigs", "GET", "/api/rigs/export", null, READERS),
            endpoint("deployRigs", "POST", "/api/rigs/deployments", "{\"placements\":[{\"rig\":\"RIG-000000001\","
                    + "\"position\":{\"site\":\"DAL1\",\"rack\":\"A\",\"slot\":1}}]}", "ops"),
            endpoint("getRig", "GET", RIG, null, READERS),
            endpoint("transitionRig", "POST", RIG + "/transitions", "{\"to\":\"RETIRED\"}", "ops"),
            endpoint("setRigMac", "PUT", RIG + "/mac", "{}", "ops"),
            endpoint("setRigLandedCost", "PUT", RIG + "/landed-cost", "{\"landedCost\":{\"price\":1,\"duty\":0,\"fees\":0}}",
                    "finance", "service"),
            endpoint("getRigHistory", "GET", RIG + "/history", null, READERS),
            endpoint("listSites", "GET", "/api/sites", null, READERS),
            endpoint("getSite", "GET", "/api/sites/DAL1", null, READERS),
            endpoint("getSiteHistory", "GET", "/api/sites/DAL1/history", null, READERS),
            endpoint("putSite", "PUT", "/api/sites/DAL1", "{\"name\":\"x\",\"state\":\"TX\",\"capacityKw\":1}", "ops"),
            endpoint("listRacks", "GET", "/api/sites/DAL1/racks", null, READERS),
            endpoint("putRack", "PUT", "/api/sites/DAL1/racks/A1", "{\"row\":\"A\",\"slots\":1}", "ops"),
            endpoint("putSiteIntoMaintenance", "POST", "/api/sites/DAL1/maintenance", "{\"reason\":\"x\"}", "ops"),
            endpoint("getFleetSummary", "GET", "/api/fleet/summary", null, READERS),
            endpoint("listRigModels", "GET", "/api/rig-models", null, EVERYONE),
            endpoint("getRigModel", "GET", "/api/rig-models/antminer-s21", null, EVERYONE),
            endpoint("putRigModel", "PUT", "/api/rig-models/antminer-s21", "{}", "admin"),
            endpoint("listManufacturers", "GET", "/api/manufacturers", null, EVERYONE),
            endpoint("listPlants", "GET", "/api/plants", null, EVERYONE),
            endpoint("getPlant", "GET", "/api/plants/BITMAIN-CN", null, EVERYONE),
            endpoint("putPlant", "PUT", "/api/plants/BITMAIN-CN", "{}", "admin"));

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
