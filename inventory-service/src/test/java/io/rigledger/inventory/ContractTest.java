package io.rigledger.inventory;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.ContractExamples;
import io.rigledger.testsupport.ContractExamples.RequestExample;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.inventory.InventoryTestResources.CONTRACT;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The contract is what the service serves, and every example in it is valid and, where it can stand alone, accepted. */
@QuarkusTest
class ContractTest {

    /**
     * Examples that name no stored rig or site: posted as written, each to a fresh organisation (so
     * fixed serial numbers never clash), by the role the operation is for.
     */
    private static final Map<String, String> STANDALONE = Map.of(
            "registerRigs", "operator", "registerRigBatch", "ops", "putSite", "ops");

    static List<RequestExample> examples() {
        return ContractExamples.requestExamples(CONTRACT);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyRequestExampleIsValidAgainstItsOperation(RequestExample example) {
        String path = example.path().replace("{id}", "RIG-000000001").replace("{site}", "DAL1")
                .replace("{rack}", "A01").replace("{code}", example.operationId().equals("putPlant") ? "BITMAIN-US"
                        : "whatsminer-m60s");
        Request request = new SimpleRequest.Builder(example.method(), path)
                .withContentType("application/json").withBody(example.json())
                .withHeader("Authorization", "Bearer x").build();
        ValidationReport report = Contract.validator(CONTRACT, false).validateRequest(request);
        assertFalse(report.hasErrors(), example.operationId() + ": " + report.getMessages());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyStandaloneRequestExampleIsAcceptedAsWritten(RequestExample example) {
        String role = STANDALONE.get(example.operationId());
        if (role == null) {
            return;
        }
        String org = "example-" + UUID.randomUUID();
        String json = example.json().replace("\"northwind\"", "\"" + org + "\"");
        given().filter(Contract.strict(CONTRACT))
                .auth().oauth2(Tokens.user(role + "-" + org, org, role))
                .contentType(ContentType.JSON)
                .body(json)
                .request(example.method(), example.path().replace("{site}", "DAL1"))
                .then().statusCode(lessThan(300));
    }

    @Test
    void servesTheContractAsWrittenWithSwaggerUi() {
        ContractExamples.assertServedAsWritten(CONTRACT);
    }

    @Test
    void keepsTheOperationIdsOthersGenerateClientsFrom() {
        assertEquals(Set.of("registerRigs", "listRigs", "registerRigBatch", "exportRigs", "deployRigs", "getRig",
                "transitionRig", "setRigMac", "setRigLandedCost", "getRigHistory", "listSites", "getSite", "putSite",
                "listRacks", "putRack", "putSiteIntoMaintenance", "getFleetSummary", "listRigModels", "getRigModel",
                "putRigModel", "listManufacturers", "listPlants", "getPlant", "putPlant"),
                Set.copyOf(ContractExamples.operationIds(CONTRACT)));
    }
}
