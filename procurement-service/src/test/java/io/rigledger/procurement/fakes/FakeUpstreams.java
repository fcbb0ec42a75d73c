package io.rigledger.procurement.fakes;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rigledger.testsupport.Contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * tariff-service and inventory-service faked at the HTTP level, each on its own WireMock server.
 *
 * <p>The fakes behave as the producers' contracts say, and are held to them: every stubbed body is
 * validated against the producer's YAML (in place, ../tariff-service and ../inventory-service)
 * when it is stubbed, and {@link #contractBreaches()} validates every request procurement-service
 * sent and every answer the fakes gave (except deliberate faults: a crashed service is off
 * contract by nature). Every stub requires {@code Authorization: Bearer ...}; a request without
 * one is answered 401 as the real services would.
 */
public final class FakeUpstreams {

    public static final String TARIFF_CONTRACT = "../tariff-service/src/main/openapi/tariff.yaml";
    public static final String INVENTORY_CONTRACT = "../inventory-service/src/main/openapi/inventory.yaml";
    public static final String QUOTES = "/api/duty-quotes";
    public static final String MODELS = "/api/rig-models";
    public static final String PLANTS = "/api/plants";
    public static final String BATCH = "/api/rigs/batch";
    public static final String RIGS = "/api/rigs";
    public static final String WHAT_IF = "/api/duty-quotes/what-if";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int OVERRIDE = 1;
    private static final int NORMAL = 10;
    private static final int UNAUTHENTICATED = 100;

    final WireMockServer tariff;
    final WireMockServer inventory;
    final FakeInventoryBatch batch = new FakeInventoryBatch();
    final FakeInventoryLookup lookup = new FakeInventoryLookup(batch);
    private final List<StubMapping> batchFaults = new ArrayList<>();
    private final Set<UUID> faults = ConcurrentHashMap.newKeySet();
    private OpenApiInteractionValidator tariffContract;
    private OpenApiInteractionValidator inventoryContract;

    FakeUpstreams() {
        tariff = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTariffQuote(), new FakeTariffWhatIf()));
        inventory = new WireMockServer(wireMockConfig().dynamicPort().extensions(batch, lookup));
    }

    void start() {
        tariff.start();
        inventory.start();
        reset();
    }

    void stop() {
        tariff.stop();
        inventory.stop();
    }

    /** Forget every stub and request; back to a healthy catalogue and a tariff-service that quotes MFN. */
    public void reset() {
        tariff.resetAll();
        inventory.resetAll();
        faults.clear();
        for (WireMockServer server : List.of(tariff, inventory)) {
            server.stubFor(any(anyUrl()).atPriority(UNAUTHENTICATED).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", PROBLEM_JSON).withHeader("WWW-Authenticate", "Bearer")
                    .withBody("""
                            {"type":"https://rigledger.io/problems/unauthenticated","title":"Unauthorized","status":401,
                             "detail":"a valid bearer token is required"}""")));
        }
        requireValid(inventoryContract(), MODELS, Request.Method.GET, 200, FakeCatalogue.CATALOGUE, "application/json");
        inventory.stubFor(authenticated(get(urlPathEqualTo(MODELS))).atPriority(NORMAL)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(FakeCatalogue.CATALOGUE)));
        requireValid(inventoryContract(), PLANTS, Request.Method.GET, 200, FakeCatalogue.PLANT_LIST, "application/json");
        inventory.stubFor(authenticated(get(urlPathEqualTo(PLANTS))).atPriority(NORMAL)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(FakeCatalogue.PLANT_LIST)));
        tariff.stubFor(authenticated(post(urlPathEqualTo(QUOTES))).atPriority(NORMAL)
                .willReturn(aResponse().withTransformers(FakeTariffQuote.NAME)));
        tariff.stubFor(authenticated(post(urlPathEqualTo(WHAT_IF))).atPriority(NORMAL)
                .willReturn(aResponse().withTransformers(FakeTariffWhatIf.NAME)));
        batch.clear();
        batchFaults.clear();
        inventory.stubFor(authenticated(post(urlPathEqualTo(BATCH))).atPriority(NORMAL)
                .willReturn(aResponse().withTransformers(FakeInventoryBatch.NAME)));
        inventory.stubFor(authenticated(get(urlPathEqualTo(RIGS))).atPriority(NORMAL)
                .willReturn(aResponse().withTransformers(FakeInventoryLookup.NAME)));
        FakeEntries.stubDefaults(this);
        ServiceTokenRefresh.stub();
    }

    /** inventory-service's batch endpoint is down: 503 without a body, or the connection dropped, until {@link #inventoryBatchRecovers()}. */
    public void inventoryBatchDown(boolean dropConnections) {
        var answer = dropConnections ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER) : aResponse().withStatus(503);
        StubMapping stub = inventory.stubFor(authenticated(post(urlPathEqualTo(BATCH))).atPriority(OVERRIDE).willReturn(answer));
        faults.add(stub.getId());
        batchFaults.add(stub);
    }

    /**
     * inventory-service registers the batch but answers only after {@code millis} (past our read
     * timeout): what procurement-service sees when it dies between inventory's commit and its own.
     */
    public void inventoryBatchAnswersLate(int millis) {
        StubMapping stub = inventory.stubFor(authenticated(post(urlPathEqualTo(BATCH))).atPriority(OVERRIDE)
                .willReturn(aResponse().withTransformers(FakeInventoryBatch.NAME).withFixedDelay(millis)));
        faults.add(stub.getId());
        batchFaults.add(stub);
    }

    /**
     * inventory-service answers the next {@code batches} rig batches 503 outcome-unknown with Retry-After (its
     * database connection broke during COMMIT), having registered them first when {@code stored}: an answer its
     * contract allows (checked now, and as every answer in {@link #contractBreaches()}), not a deliberate fault.
     */
    public void inventoryBatchOutcomeUnknown(int batches, boolean stored) {
        requireValid(inventoryContract(), BATCH, Request.Method.POST, 503, FakeInventoryBatch.OUTCOME_UNKNOWN, PROBLEM_JSON,
                "Retry-After", "5");
        batch.loseAnswers(batches, stored);
    }

    /** inventory-service's rig lookup (listRigs) answers 503 without a body (a deliberate fault). */
    public void inventoryLookupDown() {
        fault(inventory, get(urlPathEqualTo(RIGS)), aResponse().withStatus(503));
    }

    /** The rig lookups (listRigs) procurement-service asked inventory-service since the last reset. */
    public List<LoggedRequest> fleetLookups() {
        return inventory.findAll(getRequestedFor(urlPathEqualTo(RIGS)));
    }

    /** inventory-service's batch endpoint answers normally again. */
    public void inventoryBatchRecovers() {
        batchFaults.forEach(inventory::removeStub);
        batchFaults.clear();
    }

    /** inventory-service already holds this rig under {@code assetId}, in {@code status} (RMA: sent back to its maker). */
    public void inventoryHolds(String org, String maker, String serial, String assetId, String status) {
        batch.holds(org, maker, serial, assetId, status);
    }

    /** A rig's status in inventory-service, or null when it does not hold it. */
    public String inventoryStatus(String org, String maker, String serial) {
        return batch.statuses.get(org + '|' + maker + '|' + serial);
    }

    /** The receipt that brought the rig back from RMA, or null. */
    public String rmaReturnOf(String org, String maker, String serial) {
        return batch.returns.get(org + '|' + maker + '|' + serial);
    }

    /** inventory-service moves the rig (as ops would, e.g. to RMA). */
    public void inventoryMoves(String org, String maker, String serial, String status) {
        batch.statuses.put(org + '|' + maker + '|' + serial, status);
    }

    /** How many times inventory-service newly registered each rig of {@code org}, by "maker|serial". */
    public Map<String, Integer> registrations(String org) {
        Map<String, Integer> mine = new TreeMap<>();
        batch.registrations.forEach((k, v) -> {
            if (k.startsWith(org + '|')) {
                mine.put(k.substring(org.length() + 1), v);
            }
        });
        return mine;
    }

    /** The asset id inventory-service holds for a rig, or null. */
    public String assetOf(String org, String maker, String serial) {
        return batch.assets.get(org + '|' + maker + '|' + serial);
    }

    /** The order and line ("orderId|line") a rig was first registered on in the organisation, or null. */
    public String registeredOn(String org, String maker, String serial) {
        return batch.orders.get(org + '|' + maker + '|' + serial);
    }

    /** The bodies procurement-service posted to the batch endpoint. */
    public List<String> batchBodies() {
        return inventory.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(BATCH)))
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    /** tariff-service answers every quote with exactly this body (checked against tariff.yaml now). */
    public void quoteAnswers(String dutyQuoteJson) {
        requireValid(tariffContract(), QUOTES, Request.Method.POST, 201, dutyQuoteJson, "application/json");
        tariff.stubFor(authenticated(post(urlPathEqualTo(QUOTES))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(dutyQuoteJson)));
    }

    /** tariff-service cannot quote: 422 naming {@code field} of its own request, e.g. lines[1].htsCode. */
    public void quoteRejects(String field, String message) {
        String body = """
                {"type":"https://rigledger.io/problems/unprocessable","title":"Cannot be processed","status":422,
                 "detail":"%s: %s","instance":"/api/duty-quotes","violations":[{"field":"%s","message":"%s"}]}"""
                .formatted(field, message, field, message);
        requireValid(tariffContract(), QUOTES, Request.Method.POST, 422, body, PROBLEM_JSON);
        tariff.stubFor(authenticated(post(urlPathEqualTo(QUOTES))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", PROBLEM_JSON).withBody(body)));
    }

    /** tariff-service refuses the request itself: 400 naming {@code field} of its own request, as its contract allows. */
    public void quoteRefusesAsInvalid(String field, String message) {
        String body = """
                {"type":"https://rigledger.io/problems/validation","title":"Invalid request","status":400,
                 "detail":"%s %s","instance":"/api/duty-quotes","violations":[{"field":"%s","message":"%s"}]}"""
                .formatted(field, message, field, message);
        requireValid(tariffContract(), QUOTES, Request.Method.POST, 400, body, PROBLEM_JSON);
        tariff.stubFor(authenticated(post(urlPathEqualTo(QUOTES))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", PROBLEM_JSON).withBody(body)));
    }

    /** tariff-service is broken: every quote fails with a bare 500 (a deliberate fault, off contract). */
    public void tariffFails() {
        fault(tariff, post(urlPathEqualTo(QUOTES)), aResponse().withStatus(500).withBody("upstream crashed"));
    }

    /** tariff-service's what-if drops the connection (a deliberate fault). */
    public void whatIfUnreachable() {
        fault(tariff, post(urlPathEqualTo(WHAT_IF)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** Calls of tariff-service's what-if. */
    public int whatIfCalls() {
        return tariff.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(WHAT_IF))).size();
    }

    /** tariff-service drops the connection. */
    public void tariffUnreachable() {
        fault(tariff, post(urlPathEqualTo(QUOTES)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** tariff-service answers, but only after {@code millis}. */
    public void tariffSlow(int millis) {
        fault(tariff, post(urlPathEqualTo(QUOTES)), aResponse().withTransformers(FakeTariffQuote.NAME).withFixedDelay(millis));
    }

    /** inventory-service is broken: every catalogue read answers 503 without a body. */
    public void inventoryFails() {
        fault(inventory, get(urlPathEqualTo(MODELS)), aResponse().withStatus(503));
        fault(inventory, get(urlPathEqualTo(PLANTS)), aResponse().withStatus(503));
    }

    /** inventory-service refuses our token (401, as its contract allows). */
    public void inventoryRejectsTokens() {
        String body = """
                {"type":"https://rigledger.io/problems/unauthenticated","title":"Unauthorized","status":401,
                 "detail":"a valid bearer token is required"}""";
        String challenge = "Bearer error=\"invalid_token\", error_description=\"the token has expired\"";
        requireValid(inventoryContract(), MODELS, Request.Method.GET, 401, body, PROBLEM_JSON,
                "WWW-Authenticate", challenge);
        inventory.stubFor(authenticated(get(urlPathEqualTo(MODELS))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", PROBLEM_JSON)
                        .withHeader("WWW-Authenticate", challenge).withBody(body)));
    }

    public int quoteCalls() {
        return tariff.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(QUOTES))).size();
    }

    /** Reads of the catalogue (models and plants) at inventory-service. */
    public int modelCalls() {
        return modelRequests().size();
    }

    public List<LoggedRequest> quoteRequests() {
        return tariff.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(QUOTES)));
    }

    public List<LoggedRequest> modelRequests() {
        return inventory.findAll(getRequestedFor(urlPathMatching("/api/(rig-models|plants).*")));
    }

    /**
     * Every way procurement-service or a fake broke the producers' contracts since the last
     * {@link #reset()}: requests procurement-service sent (body, parameters, bearer token) and
     * answers the fakes gave, except deliberate faults.
     */
    public List<String> contractBreaches() {
        List<String> breaches = new ArrayList<>();
        check(tariff, tariffContract(), "tariff-service", breaches);
        check(inventory, inventoryContract(), "inventory-service", breaches);
        return breaches;
    }

    private void check(WireMockServer server, OpenApiInteractionValidator contract, String name, List<String> breaches) {
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            String url = request.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            SimpleRequest.Builder req = new SimpleRequest.Builder(request.getMethod().getName(), path);
            for (HttpHeader h : request.getHeaders().all()) {
                req.withHeader(h.key(), h.values());
            }
            request.getQueryParams().forEach((k, v) -> req.withQueryParam(k, v.values()));
            if (request.getBody() != null && request.getBody().length > 0) {
                req.withBody(request.getBodyAsString());
            }
            describe(contract.validateRequest(req.build()), name + " request " + request.getMethod() + " " + url, breaches);

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
            describe(contract.validateResponse(path, Request.Method.valueOf(request.getMethod().getName()), res.build()),
                    name + " answer to " + request.getMethod() + " " + url, breaches);
        }
    }

    private static void describe(ValidationReport report, String what, List<String> breaches) {
        if (report.hasErrors()) {
            report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> breaches.add(what + ": " + m.getMessage()));
        }
    }

    private void fault(WireMockServer server, MappingBuilder request,
                       com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        StubMapping stub = server.stubFor(authenticated(request).atPriority(OVERRIDE).willReturn(answer));
        faults.add(stub.getId());
    }

    static MappingBuilder authenticated(MappingBuilder request) {
        return request.withHeader("Authorization", matching("Bearer [A-Za-z0-9._~+/=-]+"));
    }

    /** Fails unless the producer's contract allows this answer; {@code headers} are name, value pairs. */
    static void requireValid(OpenApiInteractionValidator contract, String path, Request.Method method, int status,
                                     String body, String contentType, String... headers) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            answer.withHeader(headers[i], headers[i + 1]);
        }
        ValidationReport report = contract.validateResponse(path, method, answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("the fake's answer to " + method + " " + path + " breaks the producer's contract: "
                    + report.getMessages());
        }
    }

    /** tariff-service's customs entries and their allocation, and inventory-service's landed cost of a rig. */
    public FakeEntries entries() {
        return new FakeEntries(this);
    }

    OpenApiInteractionValidator tariffContract() {
        if (tariffContract == null) {
            tariffContract = Contract.validator(TARIFF_CONTRACT, false);
        }
        return tariffContract;
    }

    OpenApiInteractionValidator inventoryContract() {
        if (inventoryContract == null) {
            inventoryContract = Contract.validator(INVENTORY_CONTRACT, false);
        }
        return inventoryContract;
    }
}
