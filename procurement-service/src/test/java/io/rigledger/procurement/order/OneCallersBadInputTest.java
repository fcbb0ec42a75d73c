package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.badlyAs;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Case 002: one organisation's bad input must never make the service unavailable to the others.
 * A date of entry outside what the domain supports is refused before any neighbour is called, and
 * whatever tariff-service answers to one caller's input (400 or 422) is that caller's answer, never
 * counted as tariff-service failing, so the circuit stays closed for everyone.
 */
@QuarkusTest
class OneCallersBadInputTest {

    static final int MORE_THAN_THE_BREAKERS_WINDOW = 10;

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @AfterEach
    void everyExchangeWithTheNeighboursKeptTheirContracts() {
        assertEquals(List.of(), upstreams.contractBreaches());
    }

    @Test
    void aDateOfEntryOutsideTheSupportedRangeIs400NamingItBeforeAnyNeighbourIsCalled() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "+10000-01-01", "1899-12-31", "2018-12-31",
                LocalDate.now(ZoneOffset.UTC).plusYears(1).plusDays(1).toString())) {
            badlyAs(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY").replace("2026-12-15", date))
                    .post("/api/purchase-orders")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("expectedEntryDate")))
                    .body("violations[0].message", startsWith("must be a date"));
        }
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls(), "refused before any neighbour was asked");
        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY").replace("2026-12-15", today))
                .post("/api/purchase-orders").then().statusCode(201);
    }

    @Test
    void manyBadOrdersFromOneOrganisationLeaveTheServiceOpenForAnother() {
        String alice = newOrg();
        for (int i = 0; i < MORE_THAN_THE_BREAKERS_WINDOW; i++) {
            badlyAs(Tokens.operator(alice)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY").replace("2026-12-15", "-999999999-01-01"))
                    .post("/api/purchase-orders").then().statusCode(400);
        }

        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders").then().statusCode(201);
    }

    @Test
    void tariffServicesRefusalsOfOneCallersLinesNeverOpenTheCircuit() {
        String alice = newOrg();
        upstreams.quoteRejects("lines[0].htsCode", "no measure covers 8471.50.0150 on 2026-12-15");
        for (int i = 0; i < MORE_THAN_THE_BREAKERS_WINDOW; i++) {
            badlyAs(Tokens.operator(alice)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                    .post("/api/purchase-orders").then().statusCode(422)
                    .body("violations.field", equalTo(List.of("lines[0].htsCode")));
        }
        upstreams.quoteRefusesAsInvalid("lines[0].customsValue", "must be at most 9999999999999.99");
        for (int i = 0; i < MORE_THAN_THE_BREAKERS_WINDOW; i++) {
            badlyAs(Tokens.operator(alice)).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                    .post("/api/purchase-orders").then().statusCode(422)
                    .body("violations.field", equalTo(List.of("lines[0].unitPrice")));
        }
        assertEquals(2 * MORE_THAN_THE_BREAKERS_WINDOW, upstreams.quoteCalls(), "a refusal is an answer: never retried");
        assertEquals(CircuitBreakerState.CLOSED, circuits.currentState("tariff-create-duty-quote"));

        upstreams.reset();
        as(Tokens.operator(newOrg())).body(oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"))
                .post("/api/purchase-orders").then().statusCode(201);
    }
}
