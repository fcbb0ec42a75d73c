package io.rigledger.inventory.rig;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.inventory.fakes.FakeProcurement;
import io.rigledger.inventory.fakes.InjectFakeProcurement;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.registration;
import static io.rigledger.inventory.Fleet.rig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rig names the purchase order (and line) it was bought on: a person's reference is checked with
 * procurement-service using the person's own token, and another organisation's order is refused exactly like
 * one that does not exist (case 006); procurement's own service account is trusted.
 */
@QuarkusTest
class OrderReferenceTest {

    @InjectFakeProcurement
    FakeProcurement procurement;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyProcurement() {
        procurement.reset();
        circuits.resetAll();
    }

    @AfterEach
    void everyExchangeKeptProcurementsContract() {
        assertEquals(List.of(), procurement.contractBreaches());
        circuits.resetAll();
    }

    private static String onOrder(UUID order, Integer line) {
        return "{\"serialNumber\":\"" + newSerial() + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\""
                + (order == null ? "" : ",\"purchaseOrderId\":\"" + order + "\"")
                + (line == null ? "" : ",\"orderLineNumber\":" + line) + "}";
    }

    @Test
    void anOrderAndLineOfTheCallersOrganisationAreAcceptedCheckedWithTheCallersOwnToken() {
        String org = newOrg();
        String operator = Tokens.operator(org);
        UUID order = procurement.hasOrder(org, 1, 2);
        as(operator).body(registration(onOrder(order, 2), onOrder(order, 1), onOrder(order, null)))
                .post("/api/rigs").then().statusCode(201)
                .body("items.purchaseOrderId", equalTo(List.of(order.toString(), order.toString(), order.toString())))
                .body("items.orderLineNumber", equalTo(Arrays.asList(2, 1, null)));

        List<LoggedRequest> reads = procurement.orderReads();
        assertEquals(1, reads.size(), "one order, read once");
        assertEquals("Bearer " + operator, reads.get(0).getHeader("Authorization"), "the caller's own token");
    }

    @Test
    void anotherOrganisationsOrderIsRefusedExactlyLikeAMissingOneAndNothingIsRegistered() {
        String org = newOrg();
        String operator = Tokens.operator(org);
        UUID own = procurement.hasOrder(org, 1);
        UUID foreign = procurement.hasOrder(newOrg(), 1);
        UUID missing = UUID.randomUUID();

        String foreignMessage = badlyAs(operator).body(registration(onOrder(own, 1), onOrder(foreign, 1)))
                .post("/api/rigs").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[1].purchaseOrderId")))
                .extract().path("violations[0].message");
        String missingMessage = badlyAs(operator).body(registration(onOrder(own, 1), onOrder(missing, 1)))
                .post("/api/rigs").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[1].purchaseOrderId")))
                .extract().path("violations[0].message");

        assertEquals(missingMessage.replace(missing.toString(), "ID"), foreignMessage.replace(foreign.toString(), "ID"));
        assertEquals(List.of(), listAll(operator, 100));
    }

    @Test
    void aBatchNamingAnotherOrganisationsOrderIs400NamingThatRigAndRegistersNothing() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        UUID own = procurement.hasOrder(org, 1);
        UUID foreign = procurement.hasOrder(newOrg(), 1);
        badlyAs(ops).body(registration(onOrder(own, 1), onOrder(own, 1), onOrder(null, null), onOrder(foreign, 1)))
                .post("/api/rigs/batch").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[3].purchaseOrderId")))
                .body("detail", containsString("rigs[3].purchaseOrderId"));
        assertEquals(List.of(), listAll(ops, 100));
    }

    @Test
    void aLineTheOrderDoesNotHaveIs400NamingTheLine() {
        String org = newOrg();
        String operator = Tokens.operator(org);
        UUID order = procurement.hasOrder(org, 1, 2);
        badlyAs(operator).body(registration(onOrder(order, 2), onOrder(order, 3)))
                .post("/api/rigs").then().statusCode(400)
                .body("violations.field", equalTo(List.of("rigs[1].orderLineNumber")))
                .body("violations[0].message", containsString("has no line 3"));
        assertEquals(List.of(), listAll(operator, 100));
    }

    @Test
    void aLineWithoutAnOrderIs400AndProcurementIsNotAsked() {
        String operator = Tokens.operator(newOrg());
        badlyAs(operator).body(registration(onOrder(null, 1))).post("/api/rigs").then().statusCode(400)
                .body("violations.field", equalTo(List.of("rigs[0].orderLineNumber")));
        badlyAs(Tokens.service("procurement-service"))
                .body("{\"organisation\":\"" + newOrg() + "\",\"rigs\":[" + onOrder(null, 2) + "]}")
                .post("/api/rigs/batch").then().statusCode(400)
                .body("violations.field", equalTo(List.of("rigs[0].orderLineNumber")));
        assertEquals(0, procurement.orderReads().size());
    }

    @Test
    void procurementsServiceAccountIsTrustedWithoutAsking() {
        String org = newOrg();
        UUID order = UUID.randomUUID();
        as(Tokens.service("procurement-service"))
                .body("{\"organisation\":\"" + org + "\",\"rigs\":[" + onOrder(order, 7) + "]}")
                .post("/api/rigs/batch").then().statusCode(200).body("registered", equalTo(1));
        assertEquals(0, procurement.orderReads().size());
    }

    @Test
    void procurementUnavailableIs503AndNothingIsRegistered() {
        String org = newOrg();
        String operator = Tokens.operator(org);
        UUID order = procurement.hasOrder(org, 1);
        procurement.fails();
        badlyAs(operator).body(registration(onOrder(order, 1))).post("/api/rigs").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rigledger.io/problems/upstream-unavailable"))
                .body("detail", containsString("procurement-service"));
        circuits.resetAll();
        procurement.reset();
        procurement.unreachable();
        badlyAs(Tokens.ops(org)).body(registration(onOrder(order, 1))).post("/api/rigs/batch").then().statusCode(503)
                .contentType("application/problem+json");
        assertEquals(List.of(), listAll(operator, 100));
    }

    @Test
    void aVerifiedOrderIsAskedForOnceWhileCached() {
        String org = newOrg();
        UUID order = procurement.hasOrder(org, 1);
        as(Tokens.operator(org)).body(registration(onOrder(order, 1))).post("/api/rigs").then().statusCode(201);
        as(Tokens.ops(org)).body(registration(onOrder(order, 1))).post("/api/rigs/batch").then().statusCode(200);
        assertEquals(1, procurement.orderReads().size());
    }

    @Test
    void oneRequestNamesAtMostFiftyOrders() {
        String org = newOrg();
        List<String> rigs = IntStream.range(0, 51).mapToObj(i -> onOrder(UUID.randomUUID(), null)).toList();
        badlyAs(Tokens.ops(org)).body(registration(rigs)).post("/api/rigs/batch").then().statusCode(400)
                .body("violations.field", equalTo(List.of("rigs[50].purchaseOrderId")))
                .body("violations[0].message", containsString("at most 50 purchase orders"));
        assertEquals(0, procurement.orderReads().size());
    }
}
