package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.badlyAs;
import static io.rigledger.procurement.order.OrderResourceTest.line;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.order;
import static io.rigledger.procurement.order.OrderResourceTest.place;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The open orders re-priced on another date of entry through tariff-service's what-if, per order and in total, nothing stored. */
@QuarkusTest
class WhatIfTest {

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
    void openOrdersArePricedOnTheNewDatePerOrderAndInTotalAndNothingIsStored() {
        String org = newOrg();
        String first = place(org, order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 10, "4000.00")));
        String second = place(org, order("FOB", "OCEAN", line("avalon-a1466", "CANAAN-MY", 3, "2500.50"),
                line("antminer-s21-pro", "BITMAIN-CN", 1, "3650.00")));
        String ddp = place(org, order("DDP", "AIR", line("antminer-s21", "BITMAIN-MY", 1, "4000.00")));
        String cancelled = place(org, order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 1, "4000.00")));
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + cancelled + "/cancel").then().statusCode(200);
        int quotes = upstreams.quoteCalls();

        JsonPath answer = as(Tokens.finance(org)).queryParam("entryDate", "2027-02-01").get("/api/purchase-orders/what-if")
                .then().statusCode(200).body("orders", hasSize(3)).body("unpriced", equalTo(0)).extract().jsonPath();

        assertEquals(List.of(first, second, ddp), answer.getList("orders.orderId"));
        // the fake schedule adds 10% of the non-US value from 2027-01-01: 4,000.00 x 10 -> 4,000.00
        assertEquals(new BigDecimal("4000.00"), decimal(answer, "orders[0].duty.difference"));
        // 7,501.50 + 3,650.00 = 11,151.50 -> 1,115.15
        assertEquals(new BigDecimal("1115.15"), decimal(answer, "orders[1].total.difference"));
        assertEquals("SUPPLIER_PAYS", answer.getString("orders[2].basis"));
        assertEquals(new BigDecimal("0.00"), decimal(answer, "orders[2].total.new"));
        BigDecimal old = decimal(answer, "orders[0].total.old").add(decimal(answer, "orders[1].total.old"));
        assertEquals(old, decimal(answer, "total.old"));
        assertEquals(new BigDecimal("5115.15"), decimal(answer, "total.difference"));
        assertEquals(quotes, upstreams.quoteCalls(), "a what-if stores no quote");
        as(Tokens.ops(org)).get("/api/purchase-orders/" + first).then().body("version", equalTo(0));
    }

    @Test
    void aDateBeforeTheChangeCostsTheSameAndAnotherOrganisationSeesNoneOfTheseOrders() {
        String org = newOrg();
        place(org, order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 2, "4000.00")));
        JsonPath same = as(Tokens.operator(org)).queryParam("entryDate", "2026-12-20").get("/api/purchase-orders/what-if")
                .then().statusCode(200).body("orders", hasSize(1)).extract().jsonPath();
        assertEquals(new BigDecimal("0.00"), decimal(same, "total.difference"));
        as(Tokens.operator(newOrg())).queryParam("entryDate", "2027-02-01").get("/api/purchase-orders/what-if").then().statusCode(200)
                .body("orders", hasSize(0));
    }

    @Test
    void withoutADateIs400NamingItAndTariffDownIs503() {
        String org = newOrg();
        place(org, order("FOB", "AIR", line("antminer-s21", "BITMAIN-MY", 2, "4000.00")));
        badlyAs(Tokens.operator(org)).get("/api/purchase-orders/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("entryDate"));
        upstreams.whatIfUnreachable();
        badlyAs(Tokens.operator(org)).queryParam("entryDate", "2027-02-01").get("/api/purchase-orders/what-if").then().statusCode(503)
                .contentType("application/problem+json");
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2);
    }
}
