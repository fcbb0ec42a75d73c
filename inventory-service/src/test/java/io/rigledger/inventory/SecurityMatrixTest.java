package io.rigledger.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.ContractExamples;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.rigledger.inventory.Fleet.badlyAs;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation of the contract: no token is 401 with a Bearer challenge, and each role the
 * operation is not for is 403, both as problem+json. What the allowed roles get is tested per feature.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final Set<String> ROLES = Set.of("operator", "finance", "ops", "admin", "service");
    private static final Set<String> READERS = Set.of("operator", "finance", "ops");
    private static final Set<String> EVERYONE = ROLES;
    private static final String RIG = "/api/rigs/RIG-000000001";
    private static final String NEW_RIG = "{\"rigs\":[{\"serialNumber\":\"SEC1\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\"}]}";

    /** An operation, how to call it, and the roles it is for. */
    record Operation(String id, String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return id;
        }
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("registerRigs", "POST", "/api/rigs", NEW_RIG, Set.of("operator", "ops")),
                new Operation("listRigs", "GET", "/api/rigs", null, READERS),
                new Operation("registerRigBatch", "POST", "/api/rigs/batch", NEW_RIG, Set.of("ops", "service")),
                new Operation("exportRigs", "GET", "/api/rigs/export", null, READERS),
                new Operation("deployRigs", "POST", "/api/rigs/deployments", "{\"placements\":[{\"rig\":\"RIG-000000001\","
                        + "\"position\":{\"site\":\"DAL1\",\"rack\":\"A\",\"slot\":1}}]}", Set.of("ops")),
                new Operation("getRig", "GET", RIG, null, READERS),
                new Operation("transitionRig", "POST", RIG + "/transitions", "{\"to\":\"RETIRED\"}", Set.of("ops")),
                new Operation("setRigMac", "PUT", RIG + "/mac", "{}", Set.of("ops")),
                new Operation("setRigLandedCost", "PUT", RIG + "/landed-cost",
                        "{\"landedCost\":{\"price\":1,\"duty\":0,\"fees\":0}}", Set.of("finance", "service")),
                new Operation("getRigHistory", "GET", RIG + "/history", null, READERS),
                new Operation("listSites", "GET", "/api/sites", null, READERS),
                new Operation("getSite", "GET", "/api/sites/DAL1", null, READERS),
                new Operation("putSite", "PUT", "/api/sites/DAL1", "{\"name\":\"x\",\"state\":\"TX\",\"capacityKw\":1}",
                        Set.of("ops")),
                new Operation("listRacks", "GET", "/api/sites/DAL1/racks", null, READERS),
                new Operation("putRack", "PUT", "/api/sites/DAL1/racks/A1", "{\"row\":\"A\",\"slots\":1}", Set.of("ops")),
                new Operation("putSiteIntoMaintenance", "POST", "/api/sites/DAL1/maintenance", "{\"reason\":\"x\"}",
                        Set.of("ops")),
                new Operation("getFleetSummary", "GET", "/api/fleet/summary", null, READERS),
                new Operation("listRigModels", "GET", "/api/rig-models", null, EVERYONE),
                new Operation("getRigModel", "GET", "/api/rig-models/antminer-s21", null, EVERYONE),
                new Operation("putRigModel", "PUT", "/api/rig-models/antminer-s21", "{}", Set.of("admin")),
                new Operation("listManufacturers", "GET", "/api/manufacturers", null, EVERYONE),
                new Operation("listPlants", "GET", "/api/plants", null, EVERYONE),
                new Operation("getPlant", "GET", "/api/plants/BITMAIN-CN", null, EVERYONE),
                new Operation("putPlant", "PUT", "/api/plants/BITMAIN-CN", "{}", Set.of("admin")));
    }

    private static String token(String role) {
        return role.equals("service") ? Tokens.service("procurement-service") : Tokens.user(role + "-sec", "sec-org", role);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void noTokenIs401AndEveryOtherRoleIs403(Operation op) {
        RequestSpecification noToken = badlyAs(null);
        if (op.body() != null) {
            noToken.body(op.body());
        }
        noToken.request(op.method(), op.path()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        for (String role : ROLES) {
            if (op.allowed().contains(role)) {
                continue;
            }
            RequestSpecification call = badlyAs(token(role));
            if (op.body() != null) {
                call.body(op.body());
            }
            call.request(op.method(), op.path()).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void theMatrixCoversEveryOperationOfTheContract() {
        assertEquals(Set.copyOf(ContractExamples.operationIds(InventoryTestResources.CONTRACT)),
                operations().stream().map(Operation::id).collect(Collectors.toSet()));
    }
}
