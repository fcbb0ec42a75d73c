package io.rigledger.tariff;

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
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract is what the service serves, and every example in it is accepted as written. */
@QuarkusTest
class ContractTest {

    static List<RequestExample> examples() {
        return ContractExamples.requestExamples(CONTRACT);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyRequestExampleIsAcceptedAsWritten(RequestExample example) {
        given().filter(Contract.strict(CONTRACT))
                .auth().oauth2(Tokens.operator("northwind"))
                .contentType(ContentType.JSON)
                .body(example.json())
                .request(example.method(), example.path())
                .then().statusCode(lessThan(300));
    }

    @Test
    void servesTheContractAsWrittenWithSwaggerUi() {
        ContractExamples.assertServedAsWritten(CONTRACT);
    }

    @Test
    void keepsTheOperationIdsOthersGenerateClientsFrom() {
        assertEquals(Set.of("createDutyQuote", "getDutyQuote", "listDutyRates", "getDutyRate", "getDutyRateHistory"),
                Set.copyOf(ContractExamples.operationIds(CONTRACT)));
    }
}
