package io.rigledger.procurement.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.rigledger.procurement.receipt.ReceiptTest.as;
import static io.rigledger.procurement.receipt.ReceiptTest.newOrg;
import static io.rigledger.procurement.receipt.ReceiptTest.receive;
import static io.rigledger.procurement.receipt.ReceiptTest.shipped;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Landed cost from the customs entry's allocation (issue 10 item 8): the order's landed cost and each
 * received rig's landed cost in inventory-service follow the quote until an entry covers the rigs,
 * then the entry's allocation, and move again when an origin audit changes it. tariff-service and
 * inventory-service are fakes held to their contracts.
 */
@QuarkusTest
class LandedCostFromEntryTest extends LandedCostTestBase {

    @BeforeEach
    void costsSentSoFar() {
        settleLandedCosts();
    }

    @Test
    void registeredRigsFollowTheQuoteThenTheEntrysAllocationThenTheOriginAudit() {
        String org = newOrg();
        String shipment = shipped(org, "L", 3);
        UUID order = UUID.fromString(orderOf(org, shipment));
        receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201);
        assertEquals(3, delivery.runOnce());
        as(Tokens.finance(org)).get("/api/purchase-orders/" + order + "/landed-cost").then().statusCode(200)
                .body("basis", equalTo("QUOTE")).body("entryIds", nullValue()).body("lines[0].source", equalTo("QUOTE"));
        // registration gave each rig its quote share: nothing to change yet
        assertEquals(0, refresh.runOnce());
        assertEquals(0, entries.landedCostChanges().size());

        UUID entry = UUID.randomUUID();
        entries.cover(order, entry, allocation(entry, order, 3, "3000.00", "1200.00", "41.56",
                "SN-L-1:1400.00:13.86", "SN-L-2:1400.00:13.85", "SN-L-3:1400.00:13.85"));
        JsonPath cost = as(Tokens.finance(org)).get("/api/purchase-orders/" + order + "/landed-cost").then().statusCode(200)
                .body("basis", equalTo("ENTRY_ALLOCATION")).body("entryIds", equalTo(List.of(entry.toString())))
                .body("lines[0].source", equalTo("ENTRY_ALLOCATION")).body("lines[0].coveredRigs", hasSize(3))
                .body("lines[0].rigs", hasSize(0)).extract().jsonPath();
        assertEquals(new BigDecimal("4200.00"), money(cost, "lines[0].line.duty"));
        assertEquals(new BigDecimal("41.56"), money(cost, "lines[0].line.fees"));
        assertEquals(new BigDecimal("16241.56"), money(cost, "total.landedCost"));
        assertEquals("SN-L-1", cost.getString("lines[0].coveredRigs[0].serialNumber"));
        assertEquals(new BigDecimal("1400.00"), money(cost, "lines[0].coveredRigs[0].each.duty"));
        assertEquals(new BigDecimal("13.86"), money(cost, "lines[0].coveredRigs[0].each.fees"));
        assertEquals(new BigDecimal("5413.86"), money(cost, "lines[0].coveredRigs[0].each.landedCost"));
        assertEquals(new BigDecimal("13.85"), money(cost, "lines[0].coveredRigs[2].each.fees"));

        assertEquals(3, refresh.runOnce());
        List<JsonPath> sent = entries.landedCostChanges().stream().map(r -> new JsonPath(r.getBodyAsString())).toList();
        assertEquals(3, sent.size());
        BigDecimal duty = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (JsonPath body : sent) {
            assertEquals(org, body.getString("organisation"));
            assertEquals(new BigDecimal("4000.00"), money(body, "landedCost.price"));
            assertTrue(body.getString("reason").contains(entry.toString()), body.getString("reason"));
            duty = duty.add(money(body, "landedCost.duty"));
            fees = fees.add(money(body, "landedCost.fees"));
        }
        assertEquals(new BigDecimal("4200.00"), duty);
        assertEquals(new BigDecimal("41.56"), fees);
        String firstAsset = upstreams.assetOf(org, "BITMAIN", "SN-L-1");
        assertTrue(entries.landedCostChanges().stream().anyMatch(r -> r.getUrl().contains(firstAsset)
                && r.getBodyAsString().contains("13.86")));
        // nothing changed: nothing is sent again
        assertEquals(0, refresh.runOnce());

        // an origin audit drops the IEEPA layer: the next refresh moves every rig's landed cost
        entries.cover(order, entry, allocation(entry, order, 3, "3000.00", "0.00", "41.56",
                "SN-L-1:1000.00:13.86", "SN-L-2:1000.00:13.85", "SN-L-3:1000.00:13.85"));
        assertEquals(3, refresh.runOnce());
        List<JsonPath> after = entries.landedCostChanges().stream().skip(3).map(r -> new JsonPath(r.getBodyAsString())).toList();
        assertEquals(List.of(new BigDecimal("1000.00"), new BigDecimal("1000.00"), new BigDecimal("1000.00")),
                after.stream().map(b -> money(b, "landedCost.duty")).toList());
        as(Tokens.finance(org)).get("/api/purchase-orders/" + order + "/landed-cost").then().statusCode(200)
                .body("total.duty", equalTo(3000.00f));
    }

    @Test
    void rigsNoEntryCoversKeepTheirQuoteShareAndThePartsStillAddUp() {
        String org = newOrg();
        String shipment = shipped(org, "M", 3);
        UUID order = UUID.fromString(orderOf(org, shipment));
        JsonPath quoted = as(Tokens.finance(org)).get("/api/purchase-orders/" + order + "/landed-cost").jsonPath();
        UUID entry = UUID.randomUUID();
        entries.cover(order, entry, allocation(entry, order, 2, "2000.00", "0.00", "27.71",
                "SN-M-1:1000.00:13.86", "SN-M-2:1000.00:13.85"));
        JsonPath cost = as(Tokens.finance(org)).get("/api/purchase-orders/" + order + "/landed-cost").then().statusCode(200)
                .body("basis", equalTo("ENTRY_ALLOCATION")).body("lines[0].coveredRigs", hasSize(2))
                .body("lines[0].rigs", hasSize(1)).body("lines[0].rigs[0].fromRig", equalTo(3))
                .body("lines[0].rigs[0].toRig", equalTo(3)).extract().jsonPath();
        // rig 3 keeps what the quote gives position 3; the line is the entry's part plus that
        BigDecimal quotedRig3 = money(quoted, "lines[0].rigs[" + (quoted.getList("lines[0].rigs").size() - 1) + "].each.duty");
        assertEquals(new BigDecimal("2000.00").add(quotedRig3), money(cost, "lines[0].line.duty"));
        BigDecimal rigs = money(cost, "lines[0].coveredRigs[0].each.landedCost").add(money(cost, "lines[0].coveredRigs[1].each.landedCost"))
                .add(money(cost, "lines[0].rigs[0].each.landedCost"));
        assertEquals(money(cost, "lines[0].line.landedCost"), rigs);
        assertEquals(money(cost, "total.landedCost"), money(cost, "lines[0].line.landedCost"));
    }

    @Test
    void anotherOrganisationsOrderIs404AndAnOrderNotShippedYetAsksTariffNothing() {
        String org = newOrg();
        String shipment = shipped(org, "N", 1);
        String order = orderOf(org, shipment);
        ReceiptTest.badlyAs(Tokens.finance(newOrg())).get("/api/purchase-orders/" + order + "/landed-cost").then().statusCode(404);
        String draft = as(Tokens.operator(org)).body("""
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1",
                 "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":1,"unitPrice":4000.00}]}""")
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        int before = entries.entryLookups();
        as(Tokens.finance(org)).get("/api/purchase-orders/" + draft + "/landed-cost").then().statusCode(200).body("basis", equalTo("QUOTE"));
        assertEquals(before, entries.entryLookups());
    }
}
