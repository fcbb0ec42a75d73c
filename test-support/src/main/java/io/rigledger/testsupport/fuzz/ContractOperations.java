package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigledger.testsupport.ContractExamples;
import io.rigledger.testsupport.MatrixOperation;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads a contract (references to other files resolved) into the operations the generator attacks. */
public final class ContractOperations {

    private ContractOperations() {
    }

    /**
     * Every operation of the contract, in document order.
     *
     * @param specFile   the contract, e.g. src/main/openapi/tariff.yaml
     * @param pathValues values for path parameters by name (a real id the test created), used
     *                   before the parameter's example
     * @throws IllegalStateException when an operation has no operationId, no x-rigledger-roles, a body without an example, or a path parameter
     *                               without an example or override
     */
    public static List<FuzzOperation> read(String specFile, Map<String, String> pathValues) {
        OpenAPI api = ContractExamples.readFullyResolved(specFile);
        List<FuzzOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                operations.add(operation(path, item, method, op, pathValues))));
        return operations;
    }

    private static FuzzOperation operation(String path, PathItem item, PathItem.HttpMethod method, Operation op,
                                           Map<String, String> pathValues) {
        String id = op.getOperationId();
        if (id == null) {
            throw new IllegalStateException(method + " " + path + " has no operationId");
        }
        List<FuzzOperation.Param> params = new ArrayList<>();
        List<Parameter> declared = new ArrayList<>();
        if (item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            declared.addAll(op.getParameters());
        }
        for (Parameter p : declared) {
            String valid = validValue(id, p, pathValues);
            params.add(new FuzzOperation.Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()),
                    p.getSchema(), valid));
        }
        Schema<?> bodySchema = null;
        JsonNode example = null;
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json == null || json.getExample() == null) {
                throw new IllegalStateException(id + " has a request body without an application/json example");
            }
            bodySchema = json.getSchema();
            example = Json.mapper().valueToTree(json.getExample());
        }
        Set<String> produces = new LinkedHashSet<>();
        if (op.getResponses() != null) {
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    produces.addAll(response.getContent().keySet());
                }
            });
        }
        return new FuzzOperation(id, method.name(), path, List.copyOf(params), bodySchema, example, roles(id, op),
                Set.copyOf(produces));
    }

    private static String validValue(String operationId, Parameter p, Map<String, String> pathValues) {
        if ("path".equals(p.getIn()) && pathValues.containsKey(p.getName())) {
            return pathValues.get(p.getName());
        }
        Object example = p.getExample() != null ? p.getExample()
                : p.getSchema() == null ? null : p.getSchema().getExample();
        if (example != null) {
            return String.valueOf(example);
        }
        Schema<?> s = p.getSchema();
        if (s != null && s.getEnum() != null && !s.getEnum().isEmpty()) {
            return String.valueOf(s.getEnum().get(0));
        }
        if (s != null && "uuid".equals(s.getFormat())) {
            return UUID.nameUUIDFromBytes((operationId + p.getName()).getBytes()).toString();
        }
        if (s != null && "integer".equals(s.getType())) {
            return s.getMinimum() != null ? s.getMinimum().max(BigDecimal.ONE).toBigInteger().toString() : "1";
        }
        if ("path".equals(p.getIn()) || Boolean.TRUE.equals(p.getRequired())) {
            throw new IllegalStateException(operationId + ": parameter " + p.getName()
                    + " needs an example in the contract (or a value from the test)");
        }
        return null;
    }

    /** The roles of the operation's x-rigledger-roles (see {@link MatrixOperation#roles}). */
    static Set<String> roles(String operationId, Operation op) {
        return MatrixOperation.roles(operationId, op);
    }
}
