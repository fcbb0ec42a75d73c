package io.rigledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Holds an HTTP-level fake of a neighbouring service (a WireMock server) to that neighbour's contract
 * (its src/main/openapi YAML, read with {@link Contract#validator(String, boolean)}): an answer is checked
 * when it is stubbed ({@link #requireValid}), and afterwards every request the service under test sent
 * and every answer the fake gave ({@link #breaches}).
 */
public final class FakeContract {

    private FakeContract() {
    }

    /**
     * Fails with an AssertionError naming {@code producer} unless its contract allows answering
     * {@code method path} with {@code status}, {@code contentType} and {@code body};
     * {@code headers} are name, value pairs.
     */
    public static void requireValid(OpenApiInteractionValidator contract, String producer, String path, Request.Method method,
                                    int status, String contentType, String body, String... headers) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            answer.withHeader(headers[i], headers[i + 1]);
        }
        ValidationReport report = contract.validateResponse(path, method, answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("the fake's answer to " + method + " " + path + " breaks " + producer
                    + "'s contract: " + report.getMessages());
        }
    }

    /**
     * Every way the caller or the fake broke {@code producer}'s contract in the requests {@code server}
     * logged (since its last reset): each request (path, parameters, headers such as the bearer token,
     * body) and each answer, except answers of the stubs in {@code faults} (deliberate faults, off
     * contract). Each breach reads "{@code producer} request|answer to METHOD url: message"; none is an
     * empty list.
     */
    public static List<String> breaches(WireMockServer server, OpenApiInteractionValidator contract, String producer,
                                        Set<UUID> faults) {
        return breaches(server, contract, producer, faults, Map.of());
    }

    /**
     * As {@link #breaches(WireMockServer, OpenApiInteractionValidator, String, Set)}, where the stubs in {@code refusals}
     * (stub id to a body field, as a JSON pointer such as {@code /reason}) answer the producer's refusal of bad input in
     * that one field (a 400 problem naming it, itself checked against the contract): a request such a stub answered may
     * break the contract in that field only (the input the test sends on purpose, which the producer's contract answers
     * with that 400); any other breach of the request, and any of the answer, is still one.
     */
    public static List<String> breaches(WireMockServer server, OpenApiInteractionValidator contract, String producer,
                                        Set<UUID> faults, Map<UUID, String> refusals) {
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
            if (request.getBody() != null && request.getBody().length > 0) {
                req.withBody(request.getBodyAsString());
            }
            String refused = event.getStubMapping() == null ? null : refusals.get(event.getStubMapping().getId());
            ValidationReport asked = contract.validateRequest(req.build());
            if (refused != null) {
                asked = ValidationReport.from(asked.getMessages().stream().filter(m -> !inField(m, refused)).toList());
            }
            describe(asked, producer + " request " + request.getMethod() + " " + url, breaches);

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
                    producer + " answer to " + request.getMethod() + " " + url, breaches);
        }
        return breaches;
    }

    /** Whether {@code message} is about the body field at JSON pointer {@code field} (its instance pointer). */
    private static boolean inField(ValidationReport.Message message, String field) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> p.getInstance().equals(field)).orElse(false);
    }

    private static void describe(ValidationReport report, String what, List<String> breaches) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> breaches.add(what + ": " + m.getMessage()));
    }
}
