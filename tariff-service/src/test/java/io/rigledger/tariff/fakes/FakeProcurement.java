package io.rigledger.tariff.fakes;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import io.rigledger.testsupport.FakeContract;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * procurement-service faked at the HTTP level (one WireMock server for the whole test run, started by
 * {@link FakeProcurementResource}): getPurchaseOrder and getShipment answer the orders and shipments a test
 * registered for an organisation ({@link #order}, {@link #shipment}, or {@link #holds} for every order line of
 * an entry body), and 404 for anything else, another organisation's included, as procurement-service does.
 * The organisation is the bearer token's {@code org} claim, or for a service account (groups holding service)
 * the X-On-Behalf-Of-Org header (none: 400). A request without a bearer token is 401.
 *
 * <p>Held to procurement.yaml (in place, ../procurement-service): each registered order and shipment is
 * validated as getPurchaseOrder's and getShipment's 200 answer when registered, the 404 and 400 answers once,
 * and {@link #contractBreaches()} validates every request tariff-service sent and every answer given (except
 * deliberate faults, {@link #down}).
 */
public final class FakeProcurement {

    public static final String CONTRACT = "../procurement-service/src/main/openapi/procurement.yaml";
    static final String ORDERS = "/api/purchase-orders/";
    static final String SHIPMENTS = "/api/shipments/";
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every registered order's version is 3: its ETag. */
    private static final String ETAG = "\"3\"";
    private static final int OVERRIDE = 1;
    private static final int NORMAL = 10;
    private static final int UNAUTHENTICATED = 100;
    private static volatile FakeProcurement instance;

    final WireMockServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Registered> orders = new ConcurrentHashMap<>();
    private final Set<UUID> faults = ConcurrentHashMap.newKeySet();
    private OpenApiInteractionValidator contract;

    /** What a test registered of one order: its line numbers and stored quote (null: it carries none). */
    private record Registered(Set<Integer> lines, UUID quoteId, boolean quoteConflict) {
    }

    FakeProcurement() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Answers()));
    }

    /** The fake of this test run (started by {@link FakeProcurementResource}). */
    public static FakeProcurement instance() {
        if (instance == null) {
            throw new IllegalStateException("FakeProcurementResource has not started the fake procurement-service");
        }
        return instance;
    }

    /**
     * Registers, for {@code org}, every purchase order, line, shipment and quote the {@code orderLines} of an entry
     * or correction body name: each order with the lines named (added to what it held), carrying the quote named
     * for it (none when the body names two different quotes for it, or an earlier body another one); each
     * shipment as one of its order holding the lines named. The one helper by which the tests that file entries
     * say which orders procurement-service holds.
     *
     * @return {@code body}, so a test can register and send in one expression
     */
    public static String holds(String org, String body) {
        FakeProcurement fake = instance();
        JsonNode lines;
        try {
            lines = JSON.readTree(body).path("orderLines");
        } catch (IOException e) {
            return body;
        }
        Map<UUID, Map<UUID, Set<Integer>>> shipments = new java.util.LinkedHashMap<>();
        for (JsonNode line : lines) {
            if (!line.path("purchaseOrderId").isTextual() || !line.path("lineNumber").canConvertToInt()) {
                continue;
            }
            UUID order;
            try {
                order = UUID.fromString(line.path("purchaseOrderId").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            int number = line.path("lineNumber").asInt();
            UUID quote = line.path("quoteId").isTextual() ? uuidOrNull(line.path("quoteId").asText()) : null;
            fake.merge(org, order, Set.of(number), quote);
            if (line.path("shipmentId").isTextual()) {
                UUID shipment = uuidOrNull(line.path("shipmentId").asText());
                if (shipment != null) {
                    shipments.computeIfAbsent(shipment, s -> new java.util.HashMap<>())
                            .computeIfAbsent(order, o -> new TreeSet<>()).add(number);
                }
            }
        }
        shipments.forEach((shipment, byOrder) -> byOrder.forEach((order, numbers) -> fake.shipment(org, shipment, order,
                numbers.stream().mapToInt(Integer::intValue).toArray())));
        return body;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private synchronized void merge(String org, UUID order, Set<Integer> lines, UUID quote) {
        Registered before = orders.get(org + '|' + order);
        Set<Integer> all = new TreeSet<>(lines);
        UUID keptQuote = quote;
        boolean conflict = false;
        if (before != null) {
            all.addAll(before.lines());
            conflict = before.quoteConflict() || (before.quoteId() != null && quote != null && !before.quoteId().equals(quote));
            keptQuote = before.quoteId() != null ? before.quoteId() : quote;
        }
        register(org, order, all, conflict ? null : keptQuote, conflict);
    }

    /** procurement-service holds order {@code id} of {@code org} with these line numbers, estimated by stored quote {@code quoteId} (null: none). */
    public void order(String org, UUID id, UUID quoteId, int... lineNumbers) {
        Set<Integer> lines = new TreeSet<>();
        for (int n : lineNumbers) {
            lines.add(n);
        }
        register(org, id, lines, quoteId, false);
    }

    private void register(String org, UUID id, Set<Integer> lines, UUID quoteId, boolean conflict) {
        ObjectNode po = JSON.createObjectNode();
        po.put("id", id.toString()).put("org", org).put("status", "SHIPPED").put("supplier", "Bitmain").put("incoterm", "FOB")
                .put("expectedEntryDate", "2025-09-15").put("transportMode", "OCEAN").put("destinationSite", "DAL1")
                .put("currency", "USD").put("createdAt", "2025-07-01T10:00:00Z").put("createdBy", "olivia")
                .put("updatedAt", "2025-08-01T10:00:00Z").put("version", 3);
        ArrayNode items = po.putArray("lines");
        for (int n : lines) {
            items.addObject().put("lineNumber", n).put("sku", "antminer-s21").put("modelName", "Antminer S21")
                    .put("manufacturer", "BITMAIN").put("plant", "BITMAIN-MY").put("originCountry", "MY").put("hashrateThs", 200)
                    .put("quantity", 12).put("unitPrice", 4000.00).put("htsCode", "8543.70.9860").put("customsValue", 48000.00);
        }
        po.put("totalValue", 48000.00 * lines.size());
        ObjectNode estimate = po.putObject("dutyEstimate").put("entryDate", "2025-09-15");
        if (quoteId != null) {
            estimate.put("status", "QUOTED").put("quoteId", quoteId.toString());
        } else {
            estimate.put("status", "PENDING").put("reason", "tariff-service could not be reached");
        }
        String body = po.toString();
        FakeContract.requireValid(contract(), "procurement-service", ORDERS + id, Request.Method.GET, 200, JSON_TYPE, body, "ETag", ETAG);
        orders.put(org + '|' + id, new Registered(Set.copyOf(lines), quoteId, conflict));
        answers.put(org + '|' + ORDERS + id, body);
    }

    /** procurement-service holds shipment {@code id} of {@code org}'s order {@code orderId}, with rigs of these lines. */
    public void shipment(String org, UUID id, UUID orderId, int... lineNumbers) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id.toString()).put("orderId", orderId.toString()).put("orderStatus", "SHIPPED").put("orderVersion", 3)
                .put("carrier", "Maersk").put("trackingNumber", "MAEU1").put("transportMode", "OCEAN")
                .put("exportDate", "2025-08-01").put("createdAt", "2025-08-01T10:00:00Z").put("createdBy", "olivia");
        ArrayNode lines = s.putArray("lines");
        for (int n : lineNumbers) {
            ObjectNode line = lines.addObject().put("lineNumber", n).put("sku", "antminer-s21").put("quantity", 1);
            line.putArray("rigs").addObject().put("serialNumber", "SN-" + n).put("rigOnLine", 1).put("status", "SHIPPED");
        }
        String body = s.toString();
        FakeContract.requireValid(contract(), "procurement-service", SHIPMENTS + id, Request.Method.GET, 200, JSON_TYPE, body);
        answers.put(org + '|' + SHIPMENTS + id, body);
    }

    /**
     * procurement-service is down until {@link #up()}: every call answers a bare 503, or the connection is
     * dropped, or (with {@code delayMillis} above 0) answers only after that long (deliberate faults, off contract).
     */
    public void down(boolean dropConnections, int delayMillis) {
        var answer = dropConnections ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
                : delayMillis > 0 ? aResponse().withTransformers(Answers.NAME).withFixedDelay(delayMillis) : aResponse().withStatus(503);
        StubMapping stub = server.stubFor(any(anyUrl()).withHeader("Authorization", matching("Bearer .+"))
                .atPriority(OVERRIDE).willReturn(answer));
        faults.add(stub.getId());
    }

    /** procurement-service answers again (what the faults answered stays out of {@link #contractBreaches()}). */
    public void up() {
        faults.forEach(id -> server.getStubMappings().stream().filter(m -> m.getId().equals(id)).findFirst()
                .ifPresent(server::removeStubMapping));
    }

    /** The requests of procurement-service whose path starts with {@code path} since the last {@link #forgetRequests()}. */
    public List<LoggedRequest> requests(String path) {
        return server.findAll(getRequestedFor(urlPathMatching(java.util.regex.Pattern.quote(path) + ".*")));
    }

    /** Forgets the requests logged so far (the registrations stay). */
    public void forgetRequests() {
        server.resetRequests();
        up();
        faults.clear();
    }

    /** Every breach of procurement.yaml in what tariff-service sent and the fake answered since the last {@link #forgetRequests()}. */
    public List<String> contractBreaches() {
        return FakeContract.breaches(server, contract(), "procurement-service", faults);
    }

    void start() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(UNAUTHENTICATED).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", PROBLEM_JSON).withHeader("WWW-Authenticate", "Bearer")
                .withBody("""
                        {"type":"https://rigledger.io/problems/unauthenticated","title":"Unauthorized","status":401,
                         "detail":"a valid bearer token is required"}""")));
        for (String path : List.of(ORDERS, SHIPMENTS)) {
            server.stubFor(get(urlPathMatching(java.util.regex.Pattern.quote(path) + "[^/]+"))
                    .withHeader("Authorization", matching("Bearer .+")).atPriority(NORMAL)
                    .willReturn(aResponse().withTransformers(Answers.NAME)));
        }
        FakeContract.requireValid(contract(), "procurement-service", ORDERS + UUID.randomUUID(), Request.Method.GET, 404,
                PROBLEM_JSON, notFound("/api/purchase-orders/x"));
        instance = this;
    }

    void stop() {
        instance = null;
        server.stop();
    }

    String url() {
        return server.baseUrl();
    }

    private synchronized OpenApiInteractionValidator contract() {
        if (contract == null) {
            contract = Contract.validator(CONTRACT, false);
        }
        return contract;
    }

    private static String notFound(String path) {
        return """
                {"type":"https://rigledger.io/problems/not-found","title":"Not found","status":404,"detail":"no such resource","instance":"%s"}"""
                .formatted(path);
    }

    /** The organisation a request acts for: the token's org claim, or a service account's X-On-Behalf-Of-Org; null when none. */
    private static String orgOf(com.github.tomakehurst.wiremock.http.Request request) {
        return Tokens.actingOrg(request.getHeader("Authorization"), request.getHeader("X-On-Behalf-Of-Org"));
    }

    /** Answers getPurchaseOrder and getShipment from what was registered for the caller's organisation. */
    private final class Answers implements ResponseDefinitionTransformerV2 {

        static final String NAME = "fake-procurement";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition stubbed = event.getResponseDefinition();
            var request = event.getRequest();
            String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?')) : request.getUrl();
            String org = orgOf(request);
            if (org == null) {
                return aResponse().withStatus(400).withHeader("Content-Type", PROBLEM_JSON).withBody("""
                        {"type":"https://rigledger.io/problems/validation","title":"Invalid request","status":400,
                         "detail":"a service account must name the organisation it acts for",
                         "violations":[{"field":"X-On-Behalf-Of-Org","message":"a service account must name the organisation it acts for"}]}""")
                        .build();
            }
            String answer = answers.get(org + '|' + path);
            if (answer == null) {
                return aResponse().withStatus(404).withHeader("Content-Type", PROBLEM_JSON).withBody(notFound(path)).build();
            }
            // a slow procurement-service (down with a delay) keeps the stub's delay
            var ok = aResponse().withStatus(200).withHeader("Content-Type", JSON_TYPE).withBody(answer)
                    .withFixedDelay(stubbed.getFixedDelayMilliseconds());
            return (path.startsWith(ORDERS) ? ok.withHeader("ETag", ETAG) : ok).build();
        }
    }
}
