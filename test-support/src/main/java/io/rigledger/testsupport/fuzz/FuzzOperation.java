package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Set;

/**
 * One operation of a contract, as the bad-input generator needs it: where it goes, its parameters
 * with a value the contract accepts, its JSON body schema (references resolved) with the
 * contract's own example, and the roles its description allows ("Roles: operator, finance.").
 *
 * @param operationId  the contract's operationId
 * @param method       GET, POST, PUT ...
 * @param pathTemplate the path as written, e.g. /api/rigs/{id}
 * @param parameters   path, query and header parameters
 * @param bodySchema   the application/json request body schema, or null when there is no body
 * @param bodyExample  the body example the contract publishes (valid by the contract), or null
 * @param roles        the roles allowed to call the operation, from its description
 * @param produces     the media types of its 2xx answers
 */
public record FuzzOperation(String operationId, String method, String pathTemplate, List<Param> parameters,
                            Schema<?> bodySchema, JsonNode bodyExample, Set<String> roles, Set<String> produces) {

    /**
     * A parameter and a value of it the contract accepts.
     *
     * @param in         path, query or header
     * @param validValue the parameter's example (or one derived from its schema); null for optional
     *                   query parameters without one
     */
    public record Param(String name, String in, boolean required, Schema<?> schema, String validValue) {
    }

    public boolean hasBody() {
        return bodySchema != null;
    }

    /** The parameters that sit in the given place (path, query, header). */
    public List<Param> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** The path with every path parameter set to its valid value; {@code replaced} gets {@code value} (already encoded). */
    public String path(String replaced, String value) {
        String path = pathTemplate;
        for (Param p : parameters("path")) {
            String v = p.name().equals(replaced) ? value : UriText.encode(p.validValue());
            path = path.replace("{" + p.name() + "}", v);
        }
        return path;
    }

    /** The path with every path parameter valid. */
    public String validPath() {
        return path(null, null);
    }

    @Override
    public String toString() {
        return operationId;
    }
}
