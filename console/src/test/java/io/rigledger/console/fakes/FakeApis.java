package io.rigledger.console.fakes;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.FakeContract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * procurement-service, inventory-service and tariff-service faked at the HTTP level, each on its own
 * WireMock server, and held to their contracts (in place, ../&lt;service&gt;/src/main/openapi): every
 * answer is validated against the producer's YAML when it is stubbed, and {@link #contractBreaches()}
 * validates every request the console sent and every answer given (except deliberate faults). Every
 * stub requires a bearer token; a request without one is answered 401 as the real services would.
 */
public final class FakeApis {

    /** The three services and their contracts. */
    public enum Api {
        TARIFF("tariff-service", "../tariff-service/src/main/openapi/tariff.yaml"),
        INVENTORY("inventory-service", "../inventory-service/src/main/openapi/inventory.yaml"),
        PROCUREMENT("procurement-service", "../procurement-service/src/main/openapi/procurement.yaml");

        final String service;
        final String contract;

        Api(String service, String contract) {
            this.service = service;
            this.contract = contract;
        }
    }

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final int OVERRIDE = 1;
    private static final int NORMAL = 10;
    private static final int UNAUTHENTICATED = 100;

    final Map<Api, WireMockServer> servers = new EnumMap<>(Api.class);
    private final Map<Api, OpenApiInteractionValidator> contracts = new EnumMap<>(Api.class);
    private final Set<UUID> faults = ConcurrentHashMap.newKeySet();
    private final Map<UUID, String> refusals = new ConcurrentHashMap<>();

    FakeApis() {
        for (Api api : Api.values()) {
            servers.put(api, new WireMockServer(wireMockConfig().dynamicPort()));
        }
    }

    void start() {
        servers.values().forEach(WireMockServer::start);
        reset();
    }

    void stop() {
        servers.values().forEach(WireMockServer::stop);
    }

    String url(Api api) {
        return servers.get(api).baseUrl();
    }

    /** Forget every stub and request: each service answers 401 to anything without a bearer token, 404 otherwise. */
    public void reset() {
        faults.clear();
        refusals.clear();
        for (WireMockServer server : servers.values()) {
            server.resetAll();
            server.stubFor(any(anyUrl()).atPriority(UNAUTHENTICATED).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", PROBLEM_JSON).withHeader("WWW-Authenticate", "Bearer")
                    .withBody("""
                            {"type":"https://rigledger.io/problems/unauthenticated","title":"Unauthorized","status":401,
                             "detail":"a valid bearer token is required"}""")));
        }
    }

    /**
     * {@code api} answers {@code request} with {@code status} and {@code body} (of {@code contentType}),
     * after checking that its contract allows that answer to that operation.
     */
    public void answers(Api api, MappingBuilder request, String path, Request.Method method, int status, String contentType,
                        String body, String... headers) {
        answersAfter(0, api, request, path, method, status, contentType, body, headers);
    }

    /** {@code api} answers 200 with this JSON (checked against its contract) after {@code millis} ms (a slow call). */
    public void jsonAfter(int millis, Api api, MappingBuilder request, String path, Request.Method method, String body) {
        answersAfter(millis, api, request, path, method, 200, JSON, body);
    }

    private void answersAfter(int millis, Api api, MappingBuilder request, String path, Request.Method method, int status,
                              String contentType, String body, String... headers) {
        requireValid(api, path, method, status, contentType, body, headers);
        var answer = aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body).withFixedDelay(millis);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            answer.withHeader(headers[i], headers[i + 1]);
        }
        servers.get(api).stubFor(authenticated(request).atPriority(NORMAL).willReturn(answer));
    }

    /** {@code api} answers 200 with this JSON (checked against its contract). */
    public void json(Api api, MappingBuilder request, String path, Request.Method method, String body) {
        answers(api, request, path, method, 200, JSON, body);
    }

    /** {@code api} refuses with a problem (checked against its contract). */
    public void problem(Api api, MappingBuilder request, String path, Request.Method method, int status, String title,
                        String detail) {
        String body = """
                {"type":"https://rigledger.io/problems/%d","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(status, title, status, detail);
        requireValid(api, path, method, status, PROBLEM_JSON, body);
        servers.get(api).stubFor(authenticated(request).atPriority(OVERRIDE).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", PROBLEM_JSON).withBody(body)));
    }

    /**
     * {@code api} refuses bad input in one body field as its platform does (RFC 9457, checked against its contract):
     * 400 application/problem+json of type validation, title "Invalid request", the detail "{@code field} {@code message}"
     * and one violation naming {@code field} with {@code message}. The console's request may break the contract in that
     * field only (it is the bad input the producer refuses); see {@link #contractBreaches()}.
     */
    public void refuses(Api api, MappingBuilder request, String path, Request.Method method, String field, String message) {
        String body = """
                {"type":"https://rigledger.io/problems/validation","title":"Invalid request","status":400,
                 "detail":"%s %s","instance":"%s","violations":[{"field":"%s","message":"%s"}]}"""
                .formatted(field, message, path, field, message);
        requireValid(api, path, method, 400, PROBLEM_JSON, body);
        StubMapping stub = servers.get(api).stubFor(authenticated(request).atPriority(OVERRIDE).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", PROBLEM_JSON).withBody(body)));
        refusals.put(stub.getId(), "/" + field);
    }

    /** {@code api} drops every connection (a deliberate fault, off contract). */
    public void down(Api api) {
        StubMapping stub = servers.get(api).stubFor(any(anyUrl()).atPriority(OVERRIDE)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        faults.add(stub.getId());
    }

    /** The requests the console sent to {@code api} since the last reset. */
    public List<LoggedRequest> requests(Api api) {
        return servers.get(api).getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
    }

    /**
     * Every way the console or a fake broke the producers' contracts since the last {@link #reset()}:
     * the requests the console sent (parameters, body, bearer token) and the answers given, except faults; a request a
     * {@link #refuses refusal} answered may break the contract in the refused field only.
     */
    public List<String> contractBreaches() {
        List<String> breaches = new ArrayList<>();
        for (Api api : Api.values()) {
            breaches.addAll(FakeContract.breaches(servers.get(api), contract(api), api.service, faults, refusals));
        }
        return breaches;
    }

    private void requireValid(Api api, String path, Request.Method method, int status, String contentType, String body,
                              String... headers) {
        FakeContract.requireValid(contract(api), api.service, path, method, status, contentType, body, headers);
    }

    private OpenApiInteractionValidator contract(Api api) {
        return contracts.computeIfAbsent(api, a -> Contract.validator(a.contract, false));
    }

    private static MappingBuilder authenticated(MappingBuilder request) {
        return request.withHeader("Authorization", matching("Bearer [A-Za-z0-9._~+/=-]+"));
    }
}
