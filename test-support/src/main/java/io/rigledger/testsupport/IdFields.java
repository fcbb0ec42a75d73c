package io.rigledger.testsupport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request fields of a contract that can carry another organisation's id, found by the rule
 * contracts/platform.yaml states next to x-rigledger-tenancy: a body property (at any depth, array
 * items included), a query parameter or a header whose schema has {@code format: uuid}, whose name
 * ends in {@code Id}, {@code Ids}, {@code organisation} or {@code Org}, or whose schema has the
 * pattern of a path parameter of one of the contract's org-scoped operations (a rig's asset id, a
 * site's code), and every field the operation lists in {@code x-rigledger-id-fields} (an id the
 * rule cannot see, such as a reconciliation reason's {@code group}, an order's id when grouped by
 * order). An operation names in {@code x-rigledger-foreign-exempt} (field: reason) the ones that
 * cannot name another organisation's data.
 */
final class IdFields {

    /** Where a field is sent. */
    enum Place { BODY, QUERY, HEADER }

    /**
     * One field that can carry an id.
     *
     * @param name  as the contract writes it: a query or header parameter's name, or a body property's
     *              path such as {@code placements[].position.site} ({@code []}: the first element)
     * @param array true when the field's value is an array of ids ({@code quoteIds}): the first is tried
     */
    record IdField(Place place, String name, boolean array) {

        /** The last name of the path: the key under which a fixture gives its values. */
        String leaf() {
            String last = name.substring(name.lastIndexOf('.') + 1);
            return last.endsWith("[]") ? last.substring(0, last.length() - 2) : last;
        }

        @Override
        public String toString() {
            return place.name().toLowerCase(Locale.ROOT) + " " + name;
        }
    }

    private static final Pattern NAME = Pattern.compile(".*(Id|Ids|organisation|Org)$");
    private static final int DEPTH = 8;

    private final Set<String> pathPatterns;

    private IdFields(Set<String> pathPatterns) {
        this.pathPatterns = pathPatterns;
    }

    /** The finder of a contract: it learns the patterns of the org-scoped operations' path parameters. */
    static IdFields of(OpenAPI api) {
        Set<String> patterns = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
            if (!"org".equals(ext.get("x-rigledger-tenancy"))) {
                return;
            }
            List<Parameter> params = new ArrayList<>();
            if (item.getParameters() != null) {
                params.addAll(item.getParameters());
            }
            if (op.getParameters() != null) {
                params.addAll(op.getParameters());
            }
            params.stream().filter(p -> "path".equals(p.getIn()) && p.getSchema() != null)
                    .map(p -> p.getSchema().getPattern()).filter(Objects::nonNull).forEach(patterns::add);
        }));
        return new IdFields(patterns);
    }

    /** The id fields of one operation's query and header parameters and application/json body, in that order. */
    List<IdField> of(List<Parameter> params, Operation op) {
        Set<String> named = new HashSet<>();
        if (op.getExtensions() != null && op.getExtensions().get("x-rigledger-id-fields") instanceof List<?> listed) {
            listed.forEach(f -> named.add(String.valueOf(f)));
        }
        List<IdField> found = new ArrayList<>();
        for (Parameter p : params) {
            Place place = "query".equals(p.getIn()) ? Place.QUERY : "header".equals(p.getIn()) ? Place.HEADER : null;
            if (place != null && (named.contains(p.getName()) || carriesId(p.getName(), p.getSchema()))) {
                found.add(new IdField(place, p.getName(), isArray(p.getSchema())));
            }
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json != null && json.getSchema() != null) {
                walk(json.getSchema(), "", named, found, new IdentityHashMap<>(), 0);
            }
        }
        return found;
    }

    private void walk(Schema<?> schema, String prefix, Set<String> named, List<IdField> found, Map<Schema<?>, Boolean> seen, int depth) {
        if (schema == null || depth > DEPTH || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (parts != null) {
                parts.forEach(part -> walk(part, prefix, named, found, seen, depth + 1));
            }
        }
        if (schema.getItems() != null) {
            walk(schema.getItems(), prefix + "[]", named, found, seen, depth + 1);
        }
        if (schema.getProperties() == null) {
            seen.remove(schema);
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (named.contains(path) || carriesId(name, property)) {
                found.add(new IdField(Place.BODY, path, isArray(property)));
            }
            walk(property, path, named, found, seen, depth + 1);
        });
        seen.remove(schema);
    }

    private boolean carriesId(String name, Schema<?> schema) {
        if (NAME.matcher(name).matches()) {
            return true;
        }
        Schema<?> value = isArray(schema) ? schema.getItems() : schema;
        return value != null && ("uuid".equals(value.getFormat())
                || value.getPattern() != null && pathPatterns.contains(value.getPattern()));
    }

    private static boolean isArray(Schema<?> schema) {
        return schema != null && schema.getItems() != null;
    }
}
