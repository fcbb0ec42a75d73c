package io.rigledger.inventory.fakes;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * procurement-service faked at the HTTP level (WireMock), as its contract says and held to it: GET
 * /api/purchase-orders/{id} answers the order only when the bearer token's {@code org} claim is the order's
 * organisation, and 404 problem+json otherwise, exactly as procurement scopes orders. The order bodies are built
 * from procurement.yaml (in place, ../procurement-service) and validated against it; {@link #contractBreaches()}
 * validates every request inventory-service sent and every answer given (except deliberate faults).
 */
public final class FakeProcurement {

    public static final String CONTRACT = "../procurement-service/src/main/openapi/procurement.yaml";
    public static final String ORDERS = "/api/purchase-orders/";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OVERRIDE = 1;
    private static final int NORMAL = 10;
    private static final int UNAUTHENTICATED = 100;

    final WireMockServer server;
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Set<UUID> faults = ConcurrentHashMap.newKeySet();
    private OpenApiInteractionValidator contract;
    private ObjectNode orderTemplate;
    private ObjectNode lineTemplate;

    FakeProcurement() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Orders()));
    }

    void start() {
        server.start();
        reset();
    }

    void stop() {
        server.stop();
    }

    /** Forget faults and requests (orders stay: each test makes its own organisation); procurement healthy again. */
    public void reset() {
        server.resetAll();
        faults.clear();
        server.stubFor(any(anyUrl()).atPriority(UNAUTHENTICATED).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", PROBLEM_JSON).withHeader("WWW-Authenticate", "Bearer")
                .withBody("""
                        {"type":"https://rigledger.io/problems/unauthenticated","title":"Unauthorized","status":401,
                         "detail":"a valid bearer token is required"}""")));
        server.stubFor(get(urlPathMatching(ORDERS + "[0-9a-f-]{36}"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9._~+/=-]+"))
                .atPriority(NORMAL).willReturn(aResponse().withTransformers(Orders.NAME)));
    }

    /** procurement-service holds a placed order of {@code org} with these line numbers; answers its id. */
    public UUID hasOrder(String org, int... lineNumbers) {
        UUID id = UUID.randomUUID();
        hasOrder(org, id, lineNumbers);
        return id;
    }

    /** procurement-service holds order {@code id} of {@code org} with these line numbers. */
    public void hasOrder(String org, UUID id, int... lineNumbers) {
        ObjectNode order = template().deepCopy();
        order.put("id", id.toString());
        order.put("org", org);
        ArrayNode lines = order.putArray("lines");
        for (int n : lineNumbers) {
            lines.add(lineTemplate.deepCopy().put("lineNumber", n));
        }
        requireValid(ORDERS + id, 200, order.toString(), "application/json", "ETag", etag(order));
        orders.put(org + "/" + id, order);
    }

    /** procurement-service is broken: every order read fails with a bare 500 (a deliberate fault, off contract). */
    public void fails() {
        fault(aResponse().withStatus(500).withBody("upstream crashed"));
    }

    /** procurement-service drops the connection. */
    public void unreachable() {
        fault(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** The order reads inventory-service made since the last {@link #reset()}. */
    public List<LoggedRequest> orderReads() {
        return server.findAll(getRequestedFor(urlPathMatching(ORDERS + ".*")));
    }

    /** Every way inventory-service or this fake broke procurement's contract since the last {@link #reset()}. */
    public List<String> contractBreaches() {
        List<String> breaches = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            String url = request.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            SimpleRequest.Builder req = new SimpleRequest.Builder(request.getMethod().getName(), path);
            for (HttpHeader h : request.getHeaders().all()) {
                req.withHeader(h.key(), h.values());
            }
            request.getQueryParams().forEach((k, v) -> req.withQueryParam(k, v.values()));
            describe(contract().validateRequest(req.build()), "request " + request.getMethod() + " " + url, breaches);
            LoggedResponse response = event.getResponse();
            boolean fault = event.getStubMapping() != null && faults.contains(event.getStubMapping().getId());
            if (response == null || fault) {
                continue;
            }
            SimpleResponse.Builder res = SimpleResponse.Builder.status(response.getStatus());
            for (HttpHeader h : response.getHeaders().all()) {
                res.withHeader(h.key(), h.values());
            }
            if (response.getBody() != null && response.getBody().length > 0) {
                res.withBody(response.getBodyAsString());
            }
            describe(contract().validateResponse(path, Request.Method.valueOf(request.getMethod().getName()), res.build()),
                    "answer to " + request.getMethod() + " " + url, breaches);
        }
        return breaches;
    }

    private void fault(ResponseDefinitionBuilder answer) {
        StubMapping stub = server.stubFor(get(urlPathMatching(ORDERS + ".*")).atPriority(OVERRIDE).willReturn(answer));
        faults.add(stub.getId());
    }

    private static void describe(ValidationReport report, String what, List<String> breaches) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> breaches.add(what + ": " + m.getMessage()));
    }

    /** Fails unless procurement's contract allows this answer; {@code headers} are name, value pairs. */
    private void requireValid(String path, int status, String body, String contentType, String... headers) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            answer.withHeader(headers[i], headers[i + 1]);
        }
        ValidationReport report = contract().validateResponse(path, Request.Method.GET, answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("the fake's answer to GET " + path + " breaks procurement's contract: "
                    + report.getMessages());
        }
    }

    private synchronized OpenApiInteractionValidator contract() {
        if (contract == null) {
            contract = Contract.validator(CONTRACT, false);
        }
        return contract;
    }

    private synchronized ObjectNode template() {
        if (orderTemplate == null) {
            ContractSample sample = new ContractSample(CONTRACT);
            orderTemplate = sample.of("PurchaseOrder");
            lineTemplate = sample.of(sample.itemsOf("PurchaseOrder", "lines"));
        }
        return orderTemplate;
    }

    /** The order's version as procurement's strong entity tag ("0" when the contract has no version). */
    private static String etag(ObjectNode order) {
        return "\"" + order.path("version").asLong(0) + "\"";
    }

    /** The org claim of a bearer token (the fake trusts the signature: inventory-service already checked it). */
    static String orgOf(String authorization) {
        return Tokens.orgClaim(authorization);
    }

    /** Answers an order read from the orders this fake holds, scoped to the token's organisation. */
    private final class Orders implements ResponseDefinitionTransformerV2 {

        static final String NAME = "fake-procurement-orders";

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
            String path = event.getRequest().getUrl();
            String id = path.substring(ORDERS.length()).replaceAll("\\?.*", "");
            ObjectNode order = orders.get(orgOf(event.getRequest().getHeader("Authorization")) + "/" + id);
            if (order == null) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                        .withHeader("Content-Type", PROBLEM_JSON).withBody("""
                                {"type":"https://rigledger.io/problems/not-found","title":"Not found","status":404,
                                 "detail":"no purchase order %s","instance":"%s"}""".formatted(id, path)).build();
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withHeader("ETag", etag(order))
                    .withBody(order.toString()).build();
        }
    }
}
