package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * procurement-service's service account, acting for an organisation (X-On-Behalf-Of-Org), finds the
 * entries covering a purchase order and reads their allocation to compute landed cost; without the
 * header it is 400 like every other service-account operation on entries; another organisation's
 * entry stays 404.
 */
@QuarkusTest
class ProcurementReadsForLandedCostTest {

    private static final String PROCUREMENT = Tokens.service("procurement-service");

    /** {@link Entries#malaysian} with its two order lines on {@code first} and {@code second}. */
    private static String covering(String first, String second) {
        String body = malaysian(number(), "2025-09-15", "19000.00", "");
        int at = body.indexOf(Entries.PO);
        return body.substring(0, at) + first + body.substring(at + Entries.PO.length()).replace(Entries.PO, second);
    }

    @Test
    void procurementActingForTheOrganisationReadsTheAllocation() {
        String org = org();
        String id = filed(org, covering(Entries.PO, Entries.PO));
        Entries.as(PROCUREMENT).header(OrgScope.ON_BEHALF_OF, org).get("/api/entries/" + id + "/allocation").then()
                .statusCode(200)
                .body("entryId", equalTo(id))
                .body("lines.lineNumber", equalTo(List.of(1, 2)))
                .body("lines.rigs.flatten().size()", equalTo(0))
                .body("total", equalTo(22071.40f));
    }

    @Test
    void procurementWithoutTheOrganisationHeaderIs400NamingIt() {
        String org = org();
        String id = filed(org, covering(Entries.PO, Entries.PO));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(PROCUREMENT).get("/api/entries/" + id + "/allocation").then()
                .statusCode(400).body("violations.field", equalTo(List.of(OrgScope.ON_BEHALF_OF)));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(PROCUREMENT).queryParam("purchaseOrderId", Entries.PO)
                .get("/api/entries").then()
                .statusCode(400).body("violations.field", equalTo(List.of(OrgScope.ON_BEHALF_OF)));
    }

    @Test
    void procurementActingForAnotherOrganisationGets404AndAnEmptyList() {
        String org = org();
        String order = UUID.randomUUID().toString();
        String id = filed(org, covering(order, order));
        Entries.as(PROCUREMENT).header(OrgScope.ON_BEHALF_OF, org()).get("/api/entries/" + id + "/allocation").then()
                .statusCode(404);
        Entries.as(PROCUREMENT).header(OrgScope.ON_BEHALF_OF, org()).queryParam("purchaseOrderId", order)
                .get("/api/entries").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void theOrderFilterListsOnlyTheEntriesCoveringALineOfThatOrder() {
        String org = org();
        String order = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String both = filed(org, covering(order, order));
        String oneLine = filed(org, covering(other, order));
        filed(org, covering(other, other));
        filed(org(), covering(order, order));
        Entries.as(PROCUREMENT).header(OrgScope.ON_BEHALF_OF, org).queryParam("purchaseOrderId", order)
                .get("/api/entries").then().statusCode(200)
                .body("items.id", containsInAnyOrder(both, oneLine));
        Entries.as(Tokens.operator(org)).queryParam("purchaseOrderId", other).queryParam("limit", "1")
                .get("/api/entries").then().statusCode(200)
                .body("items.size()", equalTo(1));
        Entries.as(Tokens.finance(org)).get("/api/entries").then().statusCode(200).body("items.size()", equalTo(3));
    }

    @Test
    void aPurchaseOrderIdThatIsNoUuidIs400NamingIt() {
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org())).queryParam("purchaseOrderId", "PO-1")
                .get("/api/entries").then()
                .statusCode(400).body("violations.field", equalTo(List.of("purchaseOrderId")));
    }
}
