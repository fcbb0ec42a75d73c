package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a contract as the authorisation matrix reads it: where it goes, the roles its
 * {@code x-rigledger-roles} allows, whether its {@code x-rigledger-tenancy} is {@code global}
 * (reference data shared by every organisation) or {@code org}, its request-body example and
 * whether it takes {@code If-Match}.
 *
 * @param pathTemplate the path as the contract writes it, e.g. /api/sites/{site}/racks/{rack}
 * @param example      the application/json request-body example, or null when there is no body
 * @param idFields      the body properties, query parameters and headers that can carry an id (see {@link IdFields})
 * @param foreignExempt its {@code x-rigledger-foreign-exempt}: the id fields that cannot name another
 *                      organisation's data, each with the reason
 * @param statuses      the HTTP statuses its responses list
 * @param headers       the names of its header parameters
 * @param queryParams   the names of its query parameters ({@code limit} and {@code cursor} when it is keyset-paged,
 *                      contracts/platform.yaml's Limit and Cursor)
 * @param queryEnums    each query parameter whose schema (or, for an array, whose items) is an enum, with its
 *                      values in the contract's order (a status, a groupBy, a sort)
 * @param answerTypes   the media types its 200 response lists, in the contract's order (the first is what a client
 *                      sending no Accept gets; e.g. application/json then text/csv for a listing with a CSV export)
 */
public record MatrixOperation(String operationId, String method, String pathTemplate, Set<String> roles,
                              boolean global, String example, boolean ifMatch, List<IdFields.IdField> idFields,
                              Map<String, String> foreignExempt, Set<Integer> statuses, Set<String> headers,
                              Set<String> queryParams, Map<String, List<String>> queryEnums, List<String> answerTypes) {

    /** The page-size query parameter of a keyset-paged operation (contracts/platform.yaml's Limit). */
    public static final String PAGE_SIZE = "limit";
    /** The query parameter that takes the previous page's nextCursor (contracts/platform.yaml's Cursor). */
    public static final String CURSOR = "cursor";

    /**
     * The media types of its 200 answer past the first, which a client gets only by asking with Accept (fresh review
     * R-11j P6: a CSV export of a listing that dropped the organisation filter, never read by the matrix).
     */
    public List<String> otherAnswerTypes() {
        return answerTypes.size() < 2 ? List.of() : answerTypes.subList(1, answerTypes.size());
    }

    /** The roles a person holds (tokens with an organisation); admin and service have none. */
    public static final List<String> PERSON_ROLES = List.of("operator", "finance", "ops");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * Every operation of the contract, in document order.
     *
     * @throws IllegalStateException for an operation without x-rigledger-roles (or naming a role the
     *                               realm does not issue), without x-rigledger-tenancy org or global,
     *                               or with a body but no example
     */
    public static List<MatrixOperation> read(String specFile) {
        OpenAPI api = ContractExamples.readFullyResolved(specFile);
        IdFields finder = IdFields.of(api);
        List<MatrixOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                operations.add(of(path, item, method, op, finder))));
        return operations;
    }

    private static MatrixOperation of(String path, PathItem item, PathItem.HttpMethod method, Operation op,
                                      IdFields finder) {
        String id = op.getOperationId();
        Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
        Set<String> roles = roles(id, op);
        Object tenancy = ext.get("x-rigledger-tenancy");
        if (!"org".equals(tenancy) && !"global".equals(tenancy)) {
            throw new IllegalStateException(id + ": x-rigledger-tenancy must be org or global, not " + tenancy);
        }
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        boolean ifMatch = params.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        Map<String, String> exempt = new LinkedHashMap<>();
        if (ext.get("x-rigledger-foreign-exempt") instanceof Map<?, ?> listedExempt) {
            listedExempt.forEach((field, reason) -> exempt.put(String.valueOf(field), String.valueOf(reason)));
        } else if (ext.containsKey("x-rigledger-foreign-exempt")) {
            throw new IllegalStateException(id + ": x-rigledger-foreign-exempt must map each field to its reason");
        }
        List<IdFields.IdField> fields = finder.of(params, op);
        exempt.keySet().stream().filter(f -> fields.stream().noneMatch(field -> field.name().equals(f))).findFirst()
                .ifPresent(f -> {
                    throw new IllegalStateException(id + ": x-rigledger-foreign-exempt names " + f
                            + ", which is no id field of the operation " + fields);
                });
        Set<Integer> statuses = new TreeSet<>();
        op.getResponses().keySet().stream().filter(code -> code.matches("[0-9]{3}")).map(Integer::valueOf)
                .forEach(statuses::add);
        Set<String> headers = new LinkedHashSet<>();
        params.stream().filter(p -> "header".equals(p.getIn())).forEach(p -> headers.add(p.getName()));
        Set<String> query = new LinkedHashSet<>();
        params.stream().filter(p -> "query".equals(p.getIn())).forEach(p -> query.add(p.getName()));
        Map<String, List<String>> enums = new LinkedHashMap<>();
        params.stream().filter(p -> "query".equals(p.getIn()) && p.getSchema() != null).forEach(p -> {
            Schema<?> schema = p.getSchema().getItems() != null ? p.getSchema().getItems() : p.getSchema();
            if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                enums.put(p.getName(), schema.getEnum().stream().map(String::valueOf).toList());
            }
        });
        List<String> types = op.getResponses().get("200") == null || op.getResponses().get("200").getContent() == null
                ? List.of() : List.copyOf(op.getResponses().get("200").getContent().keySet());
        return new MatrixOperation(id, method.name(), path, Set.copyOf(roles), "global".equals(tenancy), example(id, op),
                ifMatch, List.copyOf(fields), Map.copyOf(exempt), Set.copyOf(statuses), Set.copyOf(headers),
                Set.copyOf(query), Collections.unmodifiableMap(enums), types);
    }

    /** The id fields a cell must try with another organisation's value: all but the exempt ones. */
    public List<IdFields.IdField> foreignFields() {
        return idFields.stream().filter(f -> !foreignExempt.containsKey(f.name())).toList();
    }

    /**
     * The roles the operation's {@code x-rigledger-roles} allows, in the contract's order (the one
     * source of who may call an operation, for the matrix and the bad-input fuzz alike).
     *
     * @throws IllegalStateException when it has none or names a role the realm does not issue
     */
    public static Set<String> roles(String operationId, Operation op) {
        Object listed = op.getExtensions() == null ? null : op.getExtensions().get("x-rigledger-roles");
        if (!(listed instanceof List<?> names) || names.isEmpty()) {
            throw new IllegalStateException(operationId + " has no x-rigledger-roles");
        }
        Set<String> roles = new LinkedHashSet<>();
        names.forEach(r -> roles.add(String.valueOf(r)));
        if (!SecurityMatrix.ROLES.containsAll(roles)) {
            throw new IllegalStateException(operationId + ": x-rigledger-roles names a role the realm does not issue: " + roles);
        }
        return roles;
    }

    private static String example(String id, Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        if (json == null || json.getExample() == null) {
            throw new IllegalStateException(id + " has a request body without an application/json example");
        }
        try {
            return Json.mapper().writeValueAsString(json.getExample());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(id + ": its example cannot be written as JSON", e);
        }
    }

    /** The names of the path's parameters, in order. */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(pathTemplate);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The keys under which a fixture gives each path parameter's values: the path up to and
     * including the parameter, e.g. /api/sites/{site} and /api/sites/{site}/racks/{rack}.
     */
    public List<String> idKeys() {
        List<String> keys = new ArrayList<>();
        Matcher m = PARAM.matcher(pathTemplate);
        while (m.find()) {
            keys.add(pathTemplate.substring(0, m.end()));
        }
        return keys;
    }

    public boolean isRead() {
        return "GET".equals(method);
    }

    /**
     * An org-scoped read of the organisation's rows: a list, summary or export of no particular
     * resource, or a keyset-paged read of a resource's rows (a rig's or a site's history, an order's shipments).
     */
    public boolean isListing() {
        return !global && isRead() && (pathParams().isEmpty() || pages());
    }

    /**
     * A keyset-paged read: it takes the page-size and cursor query parameters and answers a page
     * with nextCursor (contracts/platform.yaml, Limit and Cursor), so a cell can walk it page by page.
     */
    public boolean pages() {
        return isRead() && queryParams.contains(CURSOR) && queryParams.contains(PAGE_SIZE);
    }

    /**
     * The query parameters that choose which of the organisation's rows a listing shows or how it
     * groups or orders them (a status, a site, a groupBy, a sort, a date range): all but the page
     * size and the cursor, by name.
     */
    public List<String> filters() {
        return queryParams.stream().filter(q -> !PAGE_SIZE.equals(q) && !CURSOR.equals(q)).sorted().toList();
    }

    /** An org-scoped operation on one resource named in its path. */
    public boolean takesAnId() {
        return !global && !pathParams().isEmpty();
    }

    /** The roles a person (with an organisation) may hold for this operation. */
    public List<String> personRoles() {
        return PERSON_ROLES.stream().filter(roles::contains).toList();
    }

    /**
     * The roles whose caller belongs to one organisation and may call this operation: its person
     * roles, then admin where the contract names it (an admin of org A, see
     * {@link SecurityMatrix#memberOf}). Fresh review R-11c D4: an admin was never given another
     * organisation's ids, fields or pages, so an admin-only leak escaped.
     */
    public List<String> orgRoles() {
        List<String> people = new java.util.ArrayList<>(personRoles());
        if (roles.contains("admin")) {
            people.add("admin");
        }
        return List.copyOf(people);
    }

    @Override
    public String toString() {
        return operationId + " " + method + " " + pathTemplate;
    }
}
