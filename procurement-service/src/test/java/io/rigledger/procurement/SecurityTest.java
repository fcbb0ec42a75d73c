package io.rigledger.procurement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.procurement.fakes.FakeTariffQuote;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.MatrixFixture;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.Tokens;
import io.rigledger.testsupport.UnknownKeyIntrospection;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;

/**
 * The authorisation matrix of procurement.yaml, generated from the contract's x-rigledger-roles and
 * x-rigledger-tenancy (see {@link SecurityMatrix}): every refused token is 401 saying why, each role
 * an operation does not name is 403, each it names gets past the check, and a person of one
 * organisation gets 404 for another's real order, shipment and receipt (which stay unchanged, even
 * with the order's current ETag) and sees none of its orders in the list or the what-if. The
 * neighbours are the contract-checked fakes the other tests use.
 */
@QuarkusTest
class SecurityTest {

    private static final SecurityMatrix MATRIX = SecurityMatrix.of(CONTRACT, SecurityTest::resources);

    @OidcWireMock
    WireMockServer oidc;

    /** A token of another realm is introspected; Keycloak answers it inactive, so does the mock server. */
    @BeforeEach
    void unknownKeysAnsweredInactive() {
        UnknownKeyIntrospection.answeredInactive(oidc);
    }

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    /** The fakes, for the fixture's neighbour calls (set before each cell, after the injection). */
    private static volatile FakeUpstreams neighbours;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
        neighbours = upstreams;
    }

    /**
     * In each organisation: an order of three lines, shipped one rig a shipment, one rig received (so
     * the order stays open for the what-if), and two more orders left drafts, so that the paged
     * lists of the matrix (orders, an order's shipments, orders under each filter and status=DRAFT)
     * have two rows of each organisation.
     */
    static void resources(MatrixFixture f) {
        // org B orders first, org A then the same lines: an answer of tariff-service kept for one organisation
        // and given to the other (a quote cached without the organisation) shows org B's quote in org A's order
        Resources b = Resources.in(f.otherOrg());
        Resources a = Resources.in(f.callerOrg());
        f.ids("/api/purchase-orders/{id}", a.order, b.order, UUID.randomUUID().toString())
                .ids("/api/shipments/{id}", a.shipment, b.shipment, UUID.randomUUID().toString())
                .ids("/api/receipts/{id}", a.receipt, b.receipt, UUID.randomUUID().toString())
                .mark(b.serials, b.draft, b.secondShipment)
                // the quotes tariff-service made for org B (fresh review R-11g D3); the fake tariff-service answers
                // another organisation's quote 404, as the real one does
                .mark(FakeTariffQuote.quotesOf(f.otherOrg()).toArray(String[]::new))
                .ownMark(a.serials, a.draft, a.secondShipment)
                .query("whatIfPurchaseOrders", "entryDate=2027-01-15")
                // tariff-service's service account reads an order and a shipment for the organisation it names
                .serviceOrg("X-On-Behalf-Of-Org")
                .field("X-On-Behalf-Of-Org", f.otherOrg(), "matrix-nobody-" + UUID.randomUUID().toString().substring(0, 8))
                // a serial number (per manufacturer) and a MAC in transit are unique within an organisation only (fresh
                // review R-11f D3): org B ships a rig with each just before the cell, org A's shipment with it must be
                // answered as with a made-up one; a receipt naming org B's serial is answered as one naming nothing
                // two lines of two rigs, and two serial numbers in a receipt: org B's value is tried in the first and
                // in the last of each (fresh review R-11g D1); the receipt names two rigs of org A's shipment not yet
                // received, so the made-up serial number is looked up on the shipment (R-11g D2)
                // three lines of three rigs, and three serial numbers in a receipt: org B's value is tried in the first,
                // the middle and the last of each (fresh reviews R-11g D1, R-11i P3)
                .body("createShipment", () -> Resources.shipment(threeSerials(), threeSerials(), threeSerials()))
                .body("receiveShipment", () -> receipt(f.callerOrg(), a.shipment))
                // org B's serial number is received too, not only shipped: a check of serial numbers received before
                // that forgets the organisation makes org A's shipment ask the fleet (s19 review R-11i P6), which the
                // neighbour calls show (below)
                .field("serialNumber", () -> new MatrixFixture.Ids(null, otherReceived(f, b.order), newSerial()))
                .field("mac", () -> new MatrixFixture.Ids(null, otherShipped(f, b.order, mac()), mac()))
                .field("serialNumbers", b.serials + "-2", newSerial())
                .drawn("createShipment", "each shipment moves the order to its next version and ships the line's next rig",
                        "orderVersion", "rigOnLine");
        // each listing's filters (org A's own value first); both organisations order from Bitmain
        // for DAL1, so a read by supplier name that forgets the organisation shows org B's orders
        f.queryParams().filter("supplier", "Bitmain", "Canaan")
                .filter("origin", "MY", "CN")
                .filter("createdFrom", "2020-01-01T00:00:00Z", "2199-01-01T00:00:00Z")
                .filter("createdTo", "2199-01-01T00:00:00Z", "2020-01-01T00:00:00Z")
                .filter("entryDate", "2027-01-15", "2026-01-15")
                .holds("status", "DRAFT", as(Tokens.operator(f.callerOrg())).get("/api/purchase-orders/" + a.order)
                        .then().statusCode(200).extract().path("status"));
        // the fake inventory's fleet lookups, by organisation (s19 review R-11i P6)
        f.requests().neighbourCalls(() -> neighbours.fleetLookups().stream().map(r -> r.getMethod() + " "
                        + r.getUrl().replaceAll("\\?.*", "") + " for " + (r.queryParameter("organisation").isPresent()
                        ? r.queryParameter("organisation").firstValue() : "no organisation")).toList())
                // org A's requests its handler refuses past reading the Idempotency-Key (s19 review R-11i Pk)
                .refused("createPurchaseOrder", "lines[0].sku", () -> Resources.ORDER.replaceFirst("antminer-s21", "no-such-model"))
                .refused("createShipment", "lines[0].lineNumber", () -> Resources.SHIPMENT.formatted(newSerial(), "")
                        .replace("\"lineNumber\":1", "\"lineNumber\":99"))
                // org B's requests of the Idempotency-Key cells (fresh review R-11g D5): a receipt of its own rigs
                .otherBody("receiveShipment", () -> receipt(f.otherOrg(), b.shipment))
                .keyNotStored("submitPurchaseOrder", "org B's order is partly received: this write of it is refused by its state (409) and stores no key")
                .keyNotStored("confirmPurchaseOrder", "org B's order is partly received: this write of it is refused by its state (409) and stores no key")
                .keyNotStored("cancelPurchaseOrder", "org B's order is partly received: this write of it is refused by its state (409) and stores no key")
                .keyNotStored("requotePurchaseOrder", "org B's order is partly received: this write of it is refused by its state (409) and stores no key");
        f.twins().writes(SecurityTest::twinOrders);
    }

    /** One organisation's order, its shipment and a receipt of one of its rigs, made through the API. */
    private record Resources(String order, String shipment, String receipt, String serials, String draft,
                             String secondShipment) {
        static final String ORDER = """
                {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                 "transportMode":"OCEAN","destinationSite":"DAL1",
                 "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":2,"unitPrice":4000.00},
                          {"sku":"antminer-s21","plant":"BITMAIN-CN","quantity":2,"unitPrice":4000.00},
                          {"sku":"antminer-s21","plant":"BITMAIN-ID","quantity":2,"unitPrice":4000.00}]}""";
        /** A shipment of one rig of line 1: its serial number, then "" or a MAC property ({@code ,"mac":"..."}). */
        static final String SHIPMENT = """
                {"carrier":"Maersk","trackingNumber":"MAEU1","transportMode":"OCEAN","exportDate":"2026-11-02",
                 "lines":[{"lineNumber":1,"quantity":1,"rigs":[{"serialNumber":"%s"%s}]}]}""";

        /** How many rigs of each line the first order of each organisation orders. */
        private static final int OPEN_ORDER_RIGS = 80;
        /** How many rigs the first shipment of each organisation ships (the first is received by the fixture). */
        private static final int FIRST_SHIPMENT_RIGS = 15;

        /** A shipment body of lines 1, 2... of the order, each with the serial numbers given for it. */
        @SafeVarargs
        static String shipment(List<String>... serialsPerLine) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < serialsPerLine.length; i++) {
                lines.append(i == 0 ? "" : ",").append("{\"lineNumber\":").append(i + 1).append(",\"quantity\":")
                        .append(serialsPerLine[i].size()).append(",\"rigs\":[")
                        .append(String.join(",", serialsPerLine[i].stream().map(n -> "{\"serialNumber\":\"" + n + "\"}").toList()))
                        .append("]}");
            }
            return """
                    {"carrier":"Maersk","trackingNumber":"MAEU1","transportMode":"OCEAN","exportDate":"2026-11-02",
                     "lines":[%s]}""".formatted(lines);
        }

        static Resources in(String org) {
            String serials = "SN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            // room for the matrix's shipments (its role cell and its serial and MAC cells) after the fixture's two
            String order = as(Tokens.operator(org)).body(ORDER.replace("\"quantity\":2", "\"quantity\":" + OPEN_ORDER_RIGS))
                    .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
            String draft = as(Tokens.operator(org)).body(ORDER)
                    .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
            // a second draft: two orders under status=DRAFT, so that filter cell, one row a page, reaches page 2
            as(Tokens.operator(org)).body(ORDER).post("/api/purchase-orders").then().statusCode(201);
            as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + order + "/submit")
                    .then().statusCode(200);
            as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + order + "/confirm")
                    .then().statusCode(200);
            // the first shipment has rigs left to receive: the matrix's receipts name two of them
            String shipment = ship(org, order, shipment(java.util.stream.IntStream.rangeClosed(1, FIRST_SHIPMENT_RIGS)
                    .filter(n -> n != 2).mapToObj(n -> serials + "-" + n).toList()));
            String secondShipment = ship(org, order, SHIPMENT.formatted(serials + "-2", ""));
            String receipt = id(as(Tokens.ops(org)).body("""
                    {"site":"DAL1","receivedAt":"2026-12-16T14:05:00Z","serialNumbers":["%s-1"]}""".formatted(serials))
                    .post("/api/shipments/" + shipment + "/receipts").then().statusCode(201).extract().header("Location"));
            return new Resources(order, shipment, receipt, serials, draft, secondShipment);
        }

        /** Ships the body's rigs of the order at the order's current ETag and answers the shipment's id. */
        private static String ship(String org, String order, String body) {
            String etag = as(Tokens.operator(org)).get("/api/purchase-orders/" + order).then().statusCode(200)
                    .extract().header("ETag");
            return id(as(Tokens.operator(org)).header("If-Match", etag).body(body)
                    .post("/api/purchase-orders/" + order + "/shipments").then().statusCode(201).extract().header("Location"));
        }

        private static String id(String location) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /**
     * Ships one rig of org B's order (line 1, at its current ETag) with a fresh serial number and the MAC when
     * one is given; marks the shipment's id as org B's. Answers the MAC when given, else the serial number.
     */
    private static String otherShipped(MatrixFixture f, String order, String mac) {
        String serial = newSerial();
        otherShipped(f, order, serial, mac);
        return mac == null ? serial : mac;
    }

    /** {@link #otherShipped(MatrixFixture, String, String)} of this serial number; answers the shipment's id. */
    private static String otherShipped(MatrixFixture f, String order, String serial, String mac) {
        String etag = as(Tokens.operator(f.otherOrg())).get("/api/purchase-orders/" + order).then().statusCode(200)
                .extract().header("ETag");
        String location = as(Tokens.operator(f.otherOrg())).header("If-Match", etag)
                .body(Resources.SHIPMENT.formatted(serial, mac == null ? "" : ",\"mac\":\"" + mac + "\""))
                .post("/api/purchase-orders/" + order + "/shipments").then().statusCode(201).extract().header("Location");
        String shipment = location.substring(location.lastIndexOf('/') + 1);
        f.mark(shipment);
        return shipment;
    }

    /**
     * Ships one rig of org B's order with a fresh serial number (as {@link #otherShipped}) and receives it at DAL1 by
     * org B's ops person; marks the receipt's id as org B's. Answers the serial number.
     */
    private static String otherReceived(MatrixFixture f, String order) {
        String serial = newSerial();
        String shipment = otherShipped(f, order, serial, null);
        String location = as(Tokens.ops(f.otherOrg())).body("""
                {"site":"DAL1","receivedAt":"2026-12-16T14:05:00Z","serialNumbers":["%s"]}""".formatted(serial))
                .post("/api/shipments/" + shipment + "/receipts").then().statusCode(201).extract().header("Location");
        f.mark(location.substring(location.lastIndexOf('/') + 1));
        return serial;
    }

    /** Three fresh serial numbers, a shipment line's rigs. */
    private static List<String> threeSerials() {
        return List.of(newSerial(), newSerial(), newSerial());
    }

    /**
     * The twins' writes (fresh reviews R-11f D1, R-11h D3): in a fresh organisation one order from a supplier named
     * from a fresh stem, submitted and confirmed, one rig of its first line shipped under a serial number of the same
     * stem and received at DAL1 (so every twin's orders end at the same version and count); the sharer reuses the
     * first twin's supplier and serial number (each organisation's own names). Answers them by name, with the
     * order's, the shipment's and the receipt's ids under their paths.
     */
    private static Map<String, String> twinOrders(String org, Map<String, String> like) {
        String stem = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String supplier = like.getOrDefault("<supplier>", "Twin " + stem);
        String serial = like.getOrDefault("<serial>", "TW-" + stem);
        String order = as(Tokens.operator(org)).body(Resources.ORDER.replace("\"Bitmain\"", "\"" + supplier + "\""))
                .post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        as(Tokens.operator(org)).header("If-Match", "\"0\"").post("/api/purchase-orders/" + order + "/submit")
                .then().statusCode(200);
        as(Tokens.operator(org)).header("If-Match", "\"1\"").post("/api/purchase-orders/" + order + "/confirm")
                .then().statusCode(200);
        String shipment = Resources.ship(org, order, Resources.SHIPMENT.formatted(serial, ""));
        String receipt = Resources.id(as(Tokens.ops(org)).body("""
                {"site":"DAL1","receivedAt":"2026-12-16T14:05:00Z","serialNumbers":["%s"]}""".formatted(serial))
                .post("/api/shipments/" + shipment + "/receipts").then().statusCode(201).extract().header("Location"));
        return Map.of("<supplier>", supplier, "<serial>", serial, "/api/purchase-orders/{id}", order,
                "/api/shipments/{id}", shipment, "/api/receipts/{id}", receipt);
    }

    /**
     * A receipt at DAL1 of the first two rigs of org A's shipment still SHIPPED (not yet received), read from the
     * shipment just before, so each receipt of the matrix names rigs it may receive and a made-up serial number in
     * it is looked up on the shipment (fresh review R-11g D2: a receipt of received rigs is 409 whatever is sent).
     */
    private static String receipt(String org, String shipment) {
        List<String> shipped = as(Tokens.operator(org)).get("/api/shipments/" + shipment).then().statusCode(200)
                .extract().jsonPath().getList("lines.rigs.flatten().findAll { it.status == 'SHIPPED' }.serialNumber");
        return """
                {"site":"DAL1","receivedAt":"2026-12-16T14:05:00Z","serialNumbers":[%s]}""".formatted(String.join(",",
                shipped.stream().limit(3).map(n -> "\"" + n + "\"").toList()));
    }

    private static String newSerial() {
        return "SN-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** A fresh MAC address, six colon-separated hex pairs. */
    private static String mac() {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    private static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static List<Named<SecurityMatrix.Cell>> cells() {
        return MATRIX.namedCells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyOperationAnswersEachRoleAndOrganisationAsItsContractSays(SecurityMatrix.Cell cell) {
        MATRIX.check(cell);
    }
}
