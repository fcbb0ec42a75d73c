package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request-body examples a contract publishes, so a test can post each one exactly as written
 * and prove the service accepts what its documentation shows.
 */
public final class ContractExamples {

    /** One documented request: the operation, where it goes, and the example body as JSON. */
    public record RequestExample(String operationId, String method, String path, String json) {
        @Override
        public String toString() {
            return operationId;
        }
    }

    private ContractExamples() {
    }

    /**
     * The contract with every reference resolved, the way the request validator reads it: the
     * components it uses from contracts/platform.yaml appear under their own names.
     */
    public static OpenAPI read(String specFile) {
        OpenAPI api = new OpenAPIV3Parser().read(Path.of(specFile).toUri().toString());
        if (api == null) {
            throw new IllegalArgumentException("cannot parse contract " + specFile);
        }
        return api;
    }

    /**
     * The contract with every reference and every schema resolved in place (swagger-parser's
     * resolveFully), as the contract-driven generators (the authorisation matrix, the bad-input fuzz)
     * read operations, parameters and examples.
     *
     * @throws IllegalArgumentException when the file is missing or does not parse
     */
    public static OpenAPI readFullyResolved(String specFile) {
        if (!Files.isRegularFile(Path.of(specFile))) {
            throw new IllegalArgumentException("no contract at " + Path.of(specFile).toAbsolutePath());
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(Path.of(specFile).toUri().toString(), null, options);
        if (api == null) {
            throw new IllegalArgumentException("cannot parse contract " + specFile);
        }
        return api;
    }

    /** Every operation's request-body example; fails if an operation with a body has none. */
    public static List<RequestExample> requestExamples(String specFile) {
        List<RequestExample> examples = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : read(specFile).getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = op.getValue();
                if (operation.getRequestBody() == null) {
                    continue;
                }
                MediaType json = operation.getRequestBody().getContent().get("application/json");
                if (json == null || json.getExample() == null) {
                    throw new IllegalStateException(operation.getOperationId() + " has a request body without an example");
                }
                examples.add(new RequestExample(operation.getOperationId(), op.getKey().name(), path.getKey(),
                        toJson(json.getExample())));
            }
        }
        return examples;
    }

    /** The request-body example of one operation, as JSON. */
    public static String requestExample(String specFile, String operationId) {
        return requestExamples(specFile).stream().filter(e -> e.operationId().equals(operationId)).findFirst()
                .map(RequestExample::json)
                .orElseThrow(() -> new IllegalArgumentException(operationId + " has no request example in " + specFile));
    }

    /**
     * Checks that the running service serves its contract as written: the document at /q/openapi
     * (SmallRye OpenAPI serving the build's bundle of the contract with contracts/platform.yaml)
     * has exactly the contract's operations (path, method, operationId), each with the contract's
     * response codes, the contract's title and named components, and no reference outside itself;
     * operationIds are unique, and Swagger UI answers. Call from a @QuarkusTest.
     */
    public static void assertServedAsWritten(String specFile) {
        OpenAPI contract = read(specFile);
        List<String> ids = operationIds(specFile);
        if (ids.isEmpty() || ids.size() != ids.stream().distinct().count()) {
            throw new AssertionError("operationIds must exist and be unique: " + ids);
        }
        String served = RestAssured.given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        List<String> external = externalRefs(served);
        if (!external.isEmpty()) {
            throw new AssertionError("/q/openapi refers outside itself (the contract was not bundled): " + external);
        }
        OpenAPI servedApi = new OpenAPIV3Parser().readContents(served).getOpenAPI();
        if (servedApi == null) {
            throw new AssertionError("/q/openapi is not an OpenAPI document");
        }
        if (!operations(contract).equals(operations(servedApi))) {
            throw new AssertionError("served operations " + operations(servedApi)
                    + " differ from the contract's " + operations(contract));
        }
        if (!contract.getInfo().getTitle().equals(servedApi.getInfo().getTitle())) {
            throw new AssertionError("served title " + servedApi.getInfo().getTitle());
        }
        if (!components(contract).equals(components(servedApi))) {
            throw new AssertionError("served components " + components(servedApi)
                    + " differ from the contract's " + components(contract));
        }
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Each operation as "METHOD path operationId [response codes]". */
    private static Set<String> operations(OpenAPI api) {
        Set<String> ops = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> ops.add(method + " " + path + " " + op.getOperationId() + " "
                        + new TreeSet<>(op.getResponses().keySet()))));
        return ops;
    }

    /** Every named component, as "kind/name" (schemas/Problem, responses/TooManyRequests, ...). */
    private static Set<String> components(OpenAPI api) {
        Set<String> names = new TreeSet<>();
        Components c = api.getComponents();
        addNames(names, "schemas", c.getSchemas());
        addNames(names, "responses", c.getResponses());
        addNames(names, "parameters", c.getParameters());
        addNames(names, "headers", c.getHeaders());
        addNames(names, "securitySchemes", c.getSecuritySchemes());
        return names;
    }

    private static void addNames(Set<String> names, String kind, Map<String, ?> components) {
        if (components != null) {
            components.keySet().forEach(name -> names.add(kind + "/" + name));
        }
    }

    /** Every $ref in a JSON document that does not point into the document itself. */
    private static List<String> externalRefs(String json) {
        List<String> found = new ArrayList<>();
        try {
            collectExternalRefs(Json.mapper().readTree(json), found);
        } catch (JsonProcessingException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
        return found;
    }

    private static void collectExternalRefs(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()
                        && !field.getValue().asText().startsWith("#/")) {
                    found.add(field.getValue().asText());
                } else {
                    collectExternalRefs(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectExternalRefs(item, found));
        }
    }

    /** Every operationId in the contract, in document order. */
    public static List<String> operationIds(String specFile) {
        List<String> ids = new ArrayList<>();
        read(specFile).getPaths().values().forEach(p -> p.readOperations().forEach(o -> ids.add(o.getOperationId())));
        return ids;
    }

    private static String toJson(Object example) {
        try {
            return Json.mapper().writeValueAsString(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example cannot be written as JSON", e);
        }
    }
}
