package io.rigledger.console.orders;

import com.atlassian.oai.validator.model.Request.Method;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.console.PageTestBase;
import io.rigledger.console.SignIn;
import io.rigledger.console.fakes.FakeApis;
import io.rigledger.console.fakes.FakeApis.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderPagesTest extends PageTestBase {

    static final String ORDER_ID = "0b6f2a52-6f7c-4a0e-9c1e-2d7f3b0a9e01";
    static final String SHIPMENT_ID = "1c7f3b63-7a8d-4b1f-8d2f-3e8a4c1b0f02";
    static final String RECEIPT_ID = "2d8a4c74-8b9e-4c2a-9e3a-4f9b5d2c1a03";
    static final String ORDER = """
            {"id":"%s","org":"northwind","status":"PARTIALLY_RECEIVED","supplier":"Bitmain","incoterm":"FOB",
             "expectedExportDate":"2026-12-01","expectedEntryDate":"2026-12-15","transportMode":"OCEAN","destinationSite":"DAL1",
             "currency":"USD","createdAt":"2026-11-01T10:00:00Z","createdBy":"alice","updatedAt":"2026-11-02T10:00:00Z","version":4,
             "lines":[{"lineNumber":1,"sku":"antminer-s21-xp","modelName":"Antminer S21 XP","manufacturer":"BITMAIN","plant":"BITMAIN-MY",
              "originCountry":"MY","hashrateThs":270,"quantity":2,"unitPrice":5400.00,"htsCode":"8543.70.9860","customsValue":10800.00,
              "estimatedDuty":2700.00,"estimatedFees":37.42,
              "perUnit":{"price":5400.00,"duty":1350.00,"fees":18.71,"landedCost":6768.71,"landedCostPerThs":25.07}}],
             "totalValue":10800.00,
             "dutyEstimate":{"status":"QUOTED","entryDate":"2026-12-15","quoteId":"3e9b5d85-9caf-4d3b-8f4b-5a0c6e3d2b04",
              "totalDuty":2700.00,"totalFees":37.42,"total":2737.42,"quotedAt":"2026-11-01T10:00:00Z","source":"tariff-service"}}"""
            .formatted(ORDER_ID);

    SignIn.Session alice;

    @BeforeEach
    void signIn() {
        alice = SignIn.as(oidc, "/", "alice", "northwind", "operator");
    }

    @Test
    void ordersShowStatusDutyEstimateAndLandedCostPerTh() {
        apis.json(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders")), "/api/purchase-orders", Method.GET,
                "{\"items\":[" + ORDER + "]}");

        given().cookies(alice.cookies()).get("/orders").then().statusCode(200)
                .body(containsString("<a href=\"/orders/" + ORDER_ID + "\">2026-11-01</a>"))
                .body(containsString("<td>PARTIALLY_RECEIVED</td>"))
                .body(containsString("data-value=\"2737.42\">2,737.42</td>"))
                .body(containsString("data-line=\"1\" data-value=\"25.07\">25.07</span>"));
    }

    /**
     * procurement-service holds ORDER_ID with one shipment of two rigs, one received by RECEIPT_ID; the landed cost
     * answers after {@code landedCostMillis} ms, the shipments' list, the shipment and the receipt each after
     * {@code chainMillis} ms.
     */
    private void anOrderWithAShipmentAndAReceipt(int landedCostMillis, int chainMillis) {
        apis.answers(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID)), "/api/purchase-orders/" + ORDER_ID,
                Method.GET, 200, FakeApis.JSON, ORDER, "ETag", "\"4\"");
        apis.jsonAfter(landedCostMillis, Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID + "/landed-cost")),
                "/api/purchase-orders/" + ORDER_ID + "/landed-cost", Method.GET, """
                        {"orderId":"%s","basis":"QUOTE","quoteId":"3e9b5d85-9caf-4d3b-8f4b-5a0c6e3d2b04","currency":"USD",
                         "total":{"price":10800.00,"duty":2700.00,"fees":37.42,"landedCost":13537.42},
                         "lines":[{"lineNumber":1,"sku":"antminer-s21-xp","quantity":2,"source":"QUOTE",
                          "line":{"price":10800.00,"duty":2700.00,"fees":37.42,"landedCost":13537.42},
                          "rigs":[{"fromRig":1,"toRig":2,"each":{"price":5400.00,"duty":1350.00,"fees":18.71,"landedCost":6768.71}}]}]}"""
                        .formatted(ORDER_ID));
        apis.jsonAfter(chainMillis, Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID + "/shipments")),
                "/api/purchase-orders/" + ORDER_ID + "/shipments", Method.GET, """
                        {"items":[{"id":"%s","orderId":"%s","carrier":"Maersk","trackingNumber":"MAEU1234567","transportMode":"OCEAN",
                          "exportDate":"2026-12-01","createdAt":"2026-11-02T10:00:00Z","rigs":2}]}""".formatted(SHIPMENT_ID, ORDER_ID));
        apis.jsonAfter(chainMillis, Api.PROCUREMENT, get(urlPathEqualTo("/api/shipments/" + SHIPMENT_ID)), "/api/shipments/" + SHIPMENT_ID,
                Method.GET, """
                        {"id":"%s","orderId":"%s","orderStatus":"PARTIALLY_RECEIVED","orderVersion":4,"carrier":"Maersk",
                         "trackingNumber":"MAEU1234567","transportMode":"OCEAN","exportDate":"2026-12-01","createdAt":"2026-11-02T10:00:00Z",
                         "createdBy":"alice","lines":[{"lineNumber":1,"sku":"antminer-s21-xp","quantity":2,"rigs":[
                          {"serialNumber":"SMTTH2502001","rigOnLine":1,"status":"REGISTERED","site":"DAL1","receiptId":"%s","assetId":"RIG-000000007"},
                          {"serialNumber":"SMTTH2502002","rigOnLine":2,"status":"SHIPPED"}]}]}""".formatted(SHIPMENT_ID, ORDER_ID, RECEIPT_ID));
        apis.jsonAfter(chainMillis, Api.PROCUREMENT, get(urlPathEqualTo("/api/receipts/" + RECEIPT_ID)), "/api/receipts/" + RECEIPT_ID,
                Method.GET, """
                {"id":"%s","shipmentId":"%s","orderId":"%s","orderStatus":"PARTIALLY_RECEIVED","site":"DAL1",
                 "receivedAt":"2026-12-20T09:00:00Z","createdAt":"2026-12-20T09:05:00Z","createdBy":"alice","registered":1,"waiting":0,
                 "rigs":[{"serialNumber":"SMTTH2502001","lineNumber":1,"rigOnLine":1,"status":"REGISTERED","assetId":"RIG-000000007"}]}"""
                .formatted(RECEIPT_ID, SHIPMENT_ID, ORDER_ID));
    }

    @Test
    void anOrdersShipmentsAndReceiptsShowEachRigsConfirmation() {
        anOrderWithAShipmentAndAReceipt(0, 0);

        given().cookies(alice.cookies()).get("/orders/" + ORDER_ID).then().statusCode(200)
                .body(containsString("data-value=\"13537.42\">13,537.42</span>"))
                .body(containsString("<span id=\"landed-cost-basis\">estimated from the order's duty quote</span>"))
                .body(containsString("Landed cost per rig, quote estimate</th>"))
                .body(containsString("<strong>1</strong> rigs confirmed by inventory, <strong>0</strong> waiting"))
                .body(containsString("<span class=\"tag yes\">confirmed</span></td><td>DAL1</td><td>RIG-000000007</td>"))
                .body(containsString("<td>SMTTH2502002</td>\n      <td>SHIPPED</td>"));
        // order, landed cost, shipments' list, the shipment, the receipt: each once, each with alice's token
        assertEquals(5, apis.requests(Api.PROCUREMENT).size());
        apis.requests(Api.PROCUREMENT).forEach(r ->
                assertEquals("Bearer " + alice.accessToken(), r.getHeader("Authorization"), r.getUrl()));
    }

    @Test
    void eachCallGoesOutAsSoonAsWhatItNeedsHasAnsweredNotAfterASlowerNeighbour() {
        // landed cost 1.5 s; list, shipment and receipt 0.5 s each, one after the other: 1.5 s when the chain runs beside
        // the landed cost, 2.5 s or more when the shipments wait for the landed cost (waves)
        anOrderWithAShipmentAndAReceipt(1500, 500);

        long started = System.nanoTime();
        given().cookies(alice.cookies()).get("/orders/" + ORDER_ID).then().statusCode(200)
                .body(containsString("<strong>1</strong> rigs confirmed by inventory, <strong>0</strong> waiting"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2300, "the page took " + millis + " ms: the calls went out in waves");
    }

    @Test
    void whenTheLandedCostFailsThePageShowsProcurementsOwnMessage() {
        apis.answers(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID)), "/api/purchase-orders/" + ORDER_ID,
                Method.GET, 200, FakeApis.JSON, ORDER, "ETag", "\"4\"");
        apis.problem(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID + "/landed-cost")),
                "/api/purchase-orders/" + ORDER_ID + "/landed-cost", Method.GET, 403, "Forbidden", "role operator or finance required");
        apis.json(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID + "/shipments")),
                "/api/purchase-orders/" + ORDER_ID + "/shipments", Method.GET, "{\"items\":[]}");

        given().cookies(alice.cookies()).get("/orders/" + ORDER_ID).then().statusCode(403)
                .body(containsString("<strong>procurement-service</strong> answered 403"))
                .body(containsString("role operator or finance required"))
                .body(not(containsString("Exception")));
    }

    @Test
    void anotherOrganisationsOrderIsNotFoundAsProcurementSays() {
        apis.problem(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID)), "/api/purchase-orders/" + ORDER_ID,
                Method.GET, 404, "Not Found", "no purchase order " + ORDER_ID);
        // asked together with the order: procurement-service answers them 404 as well
        for (String part : new String[] {"/landed-cost", "/shipments"}) {
            apis.problem(Api.PROCUREMENT, get(urlPathEqualTo("/api/purchase-orders/" + ORDER_ID + part)),
                    "/api/purchase-orders/" + ORDER_ID + part, Method.GET, 404, "Not Found", "no purchase order " + ORDER_ID);
        }

        given().cookies(alice.cookies()).get("/orders/" + ORDER_ID).then().statusCode(404)
                .body(containsString("no purchase order " + ORDER_ID));
    }
}
