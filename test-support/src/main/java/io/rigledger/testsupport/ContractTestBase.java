package io.rigledger.testsupport;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.ContractExamples.RequestExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The contract checks every service makes, written once: the service serves its contract as
 * written (with Swagger UI), keeps the operationIds others generate clients from, and every
 * request example of the contract is valid for its operation and, where it can stand alone, is
 * accepted as written. A service's @QuarkusTest extends this and states only what is its own: the
 * contract, its operationIds, and how each example is sent ({@link #send(RequestExample)}).
 */
public abstract class ContractTestBase {

    /** How one example goes out: with which token, to which concrete path, with which body and headers. */
    protected record Send(String token, String path, String json, Map<String, String> headers, boolean post) {

        /** Posted as written (the body may be adjusted, e.g. a fresh organisation), expecting 2xx. */
        public static Send post(String token, String path, String json) {
            return new Send(token, path, json, Map.of(), true);
        }

        /** Only validated against the contract: the example names rows that a fresh database lacks. */
        public static Send validateOnly(String path, String json) {
            return new Send(null, path, json, Map.of(), false);
        }

        public Send header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Send(token, path, json, more, post);
        }
    }

    /** The contract file, e.g. src/main/openapi/tariff.yaml. */
    protected abstract String contract();

    /** Every operationId the contract must keep (clients are generated from them). */
    protected abstract Set<String> operationIds();

    /** How this example is sent. */
    protected abstract Send send(RequestExample example);

    /** Checked after each example that was posted (e.g. that fakes of neighbours kept their contracts). */
    protected void afterEachPost(RequestExample example) {
    }

    @Test
    void servesTheContractAsWrittenWithSwaggerUi() {
        ContractExamples.assertServedAsWritten(contract());
    }

    @Test
    void keepsTheOperationIdsOthersGenerateClientsFrom() {
        assertEquals(operationIds(), Set.copyOf(ContractExamples.operationIds(contract())));
    }

    /**
     * Each example once: posted as written when it can stand alone (request and answer validated by
     * {@link Contract#strict}), otherwise validated against its operation.
     */
    @Test
    void everyRequestExampleIsValidAndEveryStandaloneOneIsAcceptedAsWritten() {
        List<Executable> checks = new ArrayList<>();
        for (RequestExample example : ContractExamples.requestExamples(contract())) {
            checks.add(() -> {
                Send send = send(example);
                if (send.post()) {
                    RequestSpecification request = given().filter(Contract.strict(contract()))
                            .auth().oauth2(send.token()).contentType(ContentType.JSON).body(send.json());
                    send.headers().forEach(request::header);
                    request.request(example.method(), send.path()).then().statusCode(lessThan(300));
                    afterEachPost(example);
                    return;
                }
                SimpleRequest.Builder request = new SimpleRequest.Builder(example.method(), send.path())
                        .withContentType("application/json").withBody(send.json())
                        .withHeader("Authorization", "Bearer x");
                send.headers().forEach(request::withHeader);
                ValidationReport report = Contract.validator(contract(), false).validateRequest(request.build());
                assertFalse(report.hasErrors(), example.operationId() + ": " + report.getMessages());
            });
        }
        assertAll(checks);
    }
}
