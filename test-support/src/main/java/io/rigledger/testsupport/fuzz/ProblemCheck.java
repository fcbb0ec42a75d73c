package io.rigledger.testsupport.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.ContractExamples;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Whether an answer to a bad request is right: a status the request expects (400; 415, 406, 414
 * where they apply), application/problem+json whose {@code status} is the HTTP status, and valid
 * by the contract for that operation (swagger-request-validator, responses only). 413, 414 and 431
 * are answered by the HTTP layer before any operation is matched, so those bodies are checked
 * against the contract's Problem schema instead of the operation's responses.
 */
final class ProblemCheck {

    /** Statuses the HTTP layer answers before routing (request target, headers, body size). */
    static final Set<Integer> BEFORE_ROUTING = Set.of(413, 414, 431);

    private final OpenApiInteractionValidator responses;
    private final SchemaValidator schemas;
    private final Schema<?> problem;

    ProblemCheck(String specFile) {
        this.responses = Contract.validator(specFile, true);
        OpenAPI api = ContractExamples.read(specFile);
        this.schemas = new SchemaValidator(api, new MessageResolver());
        this.problem = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                : api.getComponents().getSchemas().get("Problem");
        if (problem == null) {
            throw new IllegalStateException(specFile + " has no Problem schema in its components");
        }
    }

    /** What is wrong with the answer, or null when it is right; the failure's class comes first ("5xx: ..."). */
    String check(BadRequest request, HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse(null);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return "5xx: " + status;
        }
        if (status < 400) {
            return "accepted: " + status + " for a bad request";
        }
        if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
            return "not problem+json: " + status + " with Content-Type " + type;
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            return "not problem+json: the body is not JSON";
        }
        if (json == null || json.path("status").asInt() != status) {
            return "not problem+json: its status is not " + status;
        }
        if (status == 401 || status == 403) {
            return "did not reach validation: " + status + " " + json.path("detail").asText();
        }
        if (!request.expected().contains(status)) {
            return "wrong status: " + status + " where " + request.expected() + " was expected";
        }
        ValidationReport report = BEFORE_ROUTING.contains(status)
                ? schemas.validate(body, problem, "response.body")
                : responses.validateResponse(request.operation().validPath(),
                Request.Method.valueOf(request.method()), response(answer, type, body));
        if (report.hasErrors()) {
            List<String> messages = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(ValidationReport.Message::getMessage).toList();
            return "breaks the contract: " + messages;
        }
        return null;
    }

    /** The violation fields of a 400 answer (empty when it names none). */
    static List<String> violationFields(HttpResponse<byte[]> answer) {
        try {
            JsonNode json = Json.mapper().readTree(answer.body());
            return json == null ? List.of() : json.path("violations").findValuesAsText("field");
        } catch (IOException e) {
            return List.of();
        }
    }

    private static SimpleResponse response(HttpResponse<byte[]> answer, String type, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(answer.statusCode()).withContentType(type).withBody(body);
        answer.headers().map().forEach((name, values) -> {
            if (!"content-type".equalsIgnoreCase(name)) {
                b.withHeader(name, values);
            }
        });
        return b.build();
    }
}
