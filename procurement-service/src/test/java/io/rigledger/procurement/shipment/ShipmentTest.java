package io.rigledger.procurement.shipment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shipments by serial: counts that add up, serials shipped once, never more than ordered, even concurrently. */
@QuarkusTest
class ShipmentTest {

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

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification badlyAs(String token) {
        return given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A CONFIRMED order (ETag "2") of the given lines, each {@code sku:plant:quantity}. */
    static String confirmedOrder(String org, String... lines) {
        String body = """
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1","lines":[%s]}""".formatted(java.util.Arrays.stream(lines)
                .map(l -> l.split(":"))
                .map(l -> """
                        {"sku":"%s","plant":"%s","quantity":%s,"unitPrice":4000.00}""".formatted(l[0], l[1], l[2]))
                .collect(Collectors.joining(",")));
        String id = as(Tokens.operator(org)).body(body).post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + id + "/submit").then().statusCode(200);
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    /** A shipment body; each line is {@code lineNumber:quantity:serial,serial,...}. */
    static String shipment(String... lines) {
        return """
                {"carrier":"Maersk","trackingNumber":"MAEU123456789","transportMode":"OCEAN","exportDate":"2026-11-02","lines":[%s]}"""
                .formatted(java.util.Arrays.stream(lines).map(l -> l.split(":")).map(l -> """
                        {"lineNumber":%s,"quantity":%s,"rigs":[%s]}""".formatted(l[0], l[1],
                        java.util.Arrays.stream(l[2].split(",")).map(s -> "{\"serialNumber\":\"" + s + "\"}")
                                .collect(Collectors.joining(",")))).collect(Collectors.joining(",")));
    }

    static String serials(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.joining(","));
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    static Response ship(String org, String orderId, String etag, String body) {
        return badlyAs(Tokens.operator(org)).header("If-Match", etag).body(body).post("/api/purchase-orders/" + orderId + "/shipments");
    }

    @Test
    void partOfTheRigsShipThenTheRestAndTheOrderMovesToPartiallyShippedThenShipped() {
        String org = newOrg();
        String id = confirmedOrder(org, "antminer-s21:BITMAIN-MY:3", "avalon-a1466:CANAAN-MY:1");
        Response first = as(Tokens.operator(org)).header("If-Match", "\"2\"")
                .body(shipment("1:2:SN-A1,SN-A2")).post("/api/purchase-orders/" + id + "/shipments");
        first.then().statusCode(201).header("ETag", equalTo("\"3\"")).header("Location", containsString("/api/shipments/"))
                .body("orderStatus", equalTo("PARTIALLY_SHIPPED")).body("orderVersion", equalTo(3))
                .body("lines[0].sku", equalTo("antminer-s21")).body("lines[0].rigs[1].rigOnLine", equalTo(2))
                .body("lines[0].rigs[0].status", equalTo("SHIPPED"));
        as(Tokens.operator(org)).header("If-Match", "\"3\"").body(shipment("1:1:SN-A3", "2:1:SN-B1"))
                .post("/api/purchase-orders/" + id + "/shipments")
                .then().statusCode(201).body("orderStatus", equalTo("SHIPPED")).body("lines[0].rigs[0].rigOnLine", equalTo(3));
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().body("status", equalTo("SHIPPED")).body("version", equalTo(4));
        as(Tokens.finance(org)).get("/api/purchase-orders/" + id + "/shipments").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].rigs", equalTo(2)).body("items[1].rigs", equalTo(2));
        as(Tokens.ops(org)).get(first.header("Location")).then().statusCode(200)
                .body("lines[0].rigs.serialNumber", equalTo(List.of("SN-A1", "SN-A2"))).body("carrier", equalTo("Maersk"));
    }

    @Test
    void aSerialCountOtherThanTheQuantityIs400NamingTheLineAndARepeatedSerialIs400NamingIt() {
        String org = newOrg();
        String id = confirmedOrder(org, "antminer-s21:BITMAIN-MY:5");
        ship(org, id, "\"2\"", shipment("1:3:SN-1,SN-2")).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("lines[0].rigs"));
        ship(org, id, "\"2\"", shipment("1:3:SN-1,SN-2,SN-1")).then().statusCode(400)
                .body("violations[0].field", equalTo("lines[0].rigs[2].serialNumber"))
                .body("violations[0].message", containsString("lines[0].rigs[0].serialNumber"));
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().body("status", equalTo("CONFIRMED")).body("version", equalTo(2));
    }

    @Test
    void aSerialAlreadyShippedIs409NamingItAndMoreThanIsLeftIs409NamingTheQuantity() {
        String org = newOrg();
        String first = confirmedOrder(org, "antminer-s21:BITMAIN-MY:2");
        String second = confirmedOrder(org, "antminer-s21-pro:BITMAIN-CN:3");
        ship(org, first, "\"2\"", shipment("1:1:SN-X")).then().statusCode(201);
        ship(org, second, "\"2\"", shipment("1:2:SN-Y,SN-X")).then().statusCode(409)
                .body("violations[0].field", equalTo("lines[0].rigs[1].serialNumber"))
                .body("violations[0].message", containsString("SN-X"));
        ship(org, first, "\"3\"", shipment("1:2:SN-P,SN-Q")).then().statusCode(409)
                .body("violations[0].field", equalTo("lines[0].quantity"));
        ship(org, second, "\"2\"", shipment("2:1:SN-Z")).then().statusCode(400).body("violations[0].field", equalTo("lines[0].lineNumber"));
        as(Tokens.ops(org)).get("/api/purchase-orders/" + second + "/shipments").then().body("items", hasSize(0));
        // another organisation may hold the same serial of the same maker: serials are unique per organisation
        String other = newOrg();
        ship(other, confirmedOrder(other, "antminer-s21:BITMAIN-MY:1"), "\"2\"", shipment("1:1:SN-X")).then().statusCode(201);
    }

    @Test
    void onlyAConfirmedOrderShipsAndEveryShipmentNeedsTheOrdersCurrentETag() {
        String org = newOrg();
        String draft = as(Tokens.operator(org)).body("""
                {"supplier":"Bitmain","incoterm":"FOB","expectedEntryDate":"2026-12-15","transportMode":"AIR",
                 "destinationSite":"DAL1","lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":1,"unitPrice":10.00}]}""")
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        ship(org, draft, "\"0\"", shipment("1:1:SN-D")).then().statusCode(409).body("detail", containsString("DRAFT"));
        String id = confirmedOrder(org, "antminer-s21:BITMAIN-MY:2");
        badlyAs(Tokens.operator(org)).body(shipment("1:1:SN-E")).post("/api/purchase-orders/" + id + "/shipments")
                .then().statusCode(428);
        ship(org, id, "\"1\"", shipment("1:1:SN-E")).then().statusCode(412);
    }

    @Test
    void anotherOrganisationsOrderAndShipmentAre404LikeMissingOnes() {
        String org = newOrg();
        String id = confirmedOrder(org, "antminer-s21:BITMAIN-MY:2");
        String location = ship(org, id, "\"2\"", shipment("1:1:SN-F")).then().statusCode(201).extract().header("Location");
        String stranger = newOrg();
        ship(stranger, id, "\"3\"", shipment("1:1:SN-G")).then().statusCode(404);
        badlyAs(Tokens.ops(stranger)).get(location).then().statusCode(404);
        badlyAs(Tokens.ops(stranger)).get("/api/purchase-orders/" + id + "/shipments").then().statusCode(404);
        badlyAs(Tokens.ops(org)).get("/api/shipments/" + UUID.randomUUID()).then().statusCode(404);
        as(Tokens.ops(org)).get("/api/purchase-orders/" + id).then().body("version", equalTo(3));
    }

    @Test
    void concurrentShipmentsNeverShipMoreThanWasOrdered() throws Exception {
        String org = newOrg();
        String id = confirmedOrder(org, "antminer-s21:BITMAIN-MY:5");
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String body = shipment("1:2:" + serials("SN-C" + c + "-", 2));
            Callable<Integer> client = () -> {
                start.await();
                // each client retries on 412 with the ETag it reads, as a careful script does
                for (int attempt = 0; attempt < 50; attempt++) {
                    String etag = as(Tokens.operator(org)).get("/api/purchase-orders/" + id).header("ETag");
                    int status = ship(org, id, etag, body).statusCode();
                    if (status != 412) {
                        return status;
                    }
                }
                return 412;
            };
            outcomes.add(pool.submit(client));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : outcomes) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        Response order = as(Tokens.ops(org)).get("/api/purchase-orders/" + id);
        order.then().body("status", equalTo("PARTIALLY_SHIPPED"));
        int shipped = as(Tokens.ops(org)).get("/api/purchase-orders/" + id + "/shipments").then().body("items", notNullValue())
                .extract().<List<Integer>>path("items.rigs").stream().mapToInt(Integer::intValue).sum();
        assertEquals(4, shipped);
    }
}
