package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.PO;
import static io.rigledger.tariff.entry.Entries.as;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An entry's order lines are checked with procurement-service before anything is written (fresh review R-9b D1):
 * the order of the organisation, its line, the shipment of that order holding the line, the order's stored quote;
 * another organisation's order is refused exactly like a missing one; procurement-service down is 503 with nothing
 * stored; a service account's X-On-Behalf-Of-Org and every caller's own token reach procurement-service; each order
 * and shipment is read once. The fake is held to procurement.yaml ({@link FakeProcurement#contractBreaches()}).
 */
@QuarkusTest
class EntryOrderLinesTest {

    private final FakeProcurement procurement = FakeProcurement.instance();

    @BeforeEach
    void healthy() {
        procurement.up();
        procurement.forgetRequests();
    }

    @AfterEach
    void heldToTheContract() {
        procurement.up();
        assertEquals(List.of(), procurement.contractBreaches());
    }

    /** {@link Entries#malaysian}'s two order lines (lines 1 and 2) on {@code order}, the first on {@code shipment} with {@code quote}. */
    private static String entryOf(UUID order, UUID shipment, UUID quote) {
        String extra = (shipment == null ? "" : ",\"shipmentId\":\"" + shipment + "\"") + (quote == null ? "" : ",\"quoteId\":\"" + quote + "\"");
        return malaysian(number(), "2025-09-15", "19000.00", "").replace(PO, order.toString())
                .replaceFirst("\"lineNumber\":1,", "\"lineNumber\":1" + extra + ",");
    }

    private static Response file(String org, String body) {
        return as(Tokens.finance(org)).body(body).post("/api/entries");
    }

    @Test
    void anotherOrganisationsOrderIsRefusedExactlyLikeAMissingOneAndNothingIsFiled() {
        String mine = org();
        String theirs = org();
        UUID theirOrder = UUID.randomUUID();
        procurement.order(theirs, theirOrder, null, 1, 2);
        UUID missing = UUID.randomUUID();
        Response foreign = file(mine, entryOf(theirOrder, null, null));
        Response none = file(mine, entryOf(missing, null, null));
        foreign.then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("orderLines[0].purchaseOrderId", "orderLines[1].purchaseOrderId")));
        assertEquals(none.statusCode(), foreign.statusCode());
        assertEquals(none.asString().replace(missing.toString(), "ID"), foreign.asString().replace(theirOrder.toString(), "ID"));
        get(mine, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
        // read once per request although two order lines name it
        assertEquals(1, procurement.requests("/api/purchase-orders/" + theirOrder).size());
    }

    @Test
    void aLineTheOrderDoesNotHaveIs422NamingTheLineNumber() {
        String org = org();
        UUID order = UUID.randomUUID();
        procurement.order(org, order, null, 1);
        file(org, entryOf(order, null, null)).then().statusCode(422)
                .body("violations.field", equalTo(List.of("orderLines[1].lineNumber")))
                .body("detail", containsString("has no line 2"));
        get(org, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aShipmentOfAnotherOrderOrWithoutTheLineIs422NamingTheShipment() {
        String org = org();
        UUID order = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        procurement.order(org, order, null, 1, 2);
        procurement.order(org, other, null, 1, 2);
        UUID ofOther = UUID.randomUUID();
        procurement.shipment(org, ofOther, other, 1, 2);
        file(org, entryOf(order, ofOther, null)).then().statusCode(422)
                .body("violations.field", equalTo(List.of("orderLines[0].shipmentId")));
        UUID withoutLineOne = UUID.randomUUID();
        procurement.shipment(org, withoutLineOne, order, 2);
        file(org, entryOf(order, withoutLineOne, null)).then().statusCode(422)
                .body("violations.field", equalTo(List.of("orderLines[0].shipmentId")));
        UUID right = UUID.randomUUID();
        procurement.shipment(org, right, order, 1, 2);
        file(org, entryOf(order, right, null)).then().statusCode(201);
    }

    @Test
    void aQuoteOfAnotherOrderIs422NamingTheQuote() {
        String org = org();
        UUID order = UUID.randomUUID();
        UUID itsQuote = UUID.randomUUID();
        procurement.order(org, order, itsQuote, 1, 2);
        file(org, entryOf(order, null, UUID.randomUUID())).then().statusCode(422)
                .body("violations.field", equalTo(List.of("orderLines[0].quoteId")))
                .body("detail", containsString(itsQuote.toString()));
        get(org, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void procurementDownOrSlowIs503AndNothingIsStored() {
        String org = org();
        UUID order = UUID.randomUUID();
        procurement.order(org, order, null, 1, 2);
        procurement.down(false, 0);
        file(org, entryOf(order, null, null)).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("detail", containsString("nothing was stored"));
        // one retry at most
        assertEquals(2, procurement.requests("/api/purchase-orders/" + order).size());
        procurement.up();
        procurement.down(true, 0);
        file(org, entryOf(order, null, null)).then().statusCode(503);
        procurement.up();
        procurement.down(false, 1500);
        file(org, entryOf(order, null, null)).then().statusCode(503);
        procurement.up();
        get(org, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aServiceAccountsOrganisationAndEveryCallersOwnTokenReachProcurement() {
        String org = org();
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        procurement.order(org, order, null, 1, 2);
        procurement.shipment(org, shipment, order, 1, 2);
        String service = Tokens.service("procurement-service");
        as(service).header("X-On-Behalf-Of-Org", org).body(entryOf(order, shipment, null)).post("/api/entries").then().statusCode(201);
        var read = procurement.requests("/api/purchase-orders/" + order);
        assertEquals(1, read.size());
        assertEquals("Bearer " + service, read.get(0).getHeader("Authorization"));
        assertEquals(org, read.get(0).getHeader("X-On-Behalf-Of-Org"));
        assertEquals(1, procurement.requests("/api/shipments/" + shipment).size());
        // acting for another organisation, the same order is not there
        as(service).header("X-On-Behalf-Of-Org", org()).body(entryOf(order, shipment, null)).post("/api/entries").then().statusCode(422)
                .body("violations.field", equalTo(List.of("orderLines[0].purchaseOrderId", "orderLines[1].purchaseOrderId")));
        String person = Tokens.finance(org);
        as(person).body(entryOf(order, null, null)).post("/api/entries").then().statusCode(201);
        var byPerson = procurement.requests("/api/purchase-orders/" + order);
        assertEquals("Bearer " + person, byPerson.get(byPerson.size() - 1).getHeader("Authorization"));
        assertEquals(false, byPerson.get(byPerson.size() - 1).containsHeader("X-On-Behalf-Of-Org"));
    }

    @Test
    void aCorrectionNamingAnotherOrganisationsOrderIs422AndChangesNothing() {
        String org = org();
        String id = Entries.filedAndPaid(org);
        UUID theirs = UUID.randomUUID();
        procurement.order(org(), theirs, null, 1, 2);
        // sent as it is (Entries.move would register its orders for the organisation)
        String correction = Entries.correction("wrong order", "19000.00").replaceFirst(PO, theirs.toString());
        as(Tokens.finance(org)).body(correction).post("/api/entries/" + id + "/corrections").then()
                .statusCode(422).body("violations.field", equalTo(List.of("orderLines[0].purchaseOrderId")));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("PAID"));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE", "PAY")));
    }
}
