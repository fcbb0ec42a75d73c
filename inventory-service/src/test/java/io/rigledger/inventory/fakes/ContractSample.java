package io.rigledger.inventory.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigledger.testsupport.ContractExamples;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The smallest instance of a producer's schema, read from the producer's contract itself: required properties
 * only, each from its example, else its first enum value, else a value of its format. So a fake's answer keeps
 * the producer's current shape when the contract changes; the fake validates the result against the contract.
 */
final class ContractSample {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI api;

    ContractSample(String specFile) {
        this.api = ContractExamples.read(specFile);
    }

    /** An instance of components.schemas.{name}. */
    ObjectNode of(String name) {
        return (ObjectNode) sample(schema(name), name, 0);
    }

    /** The component name an array property's items refer to, e.g. OrderLine for PurchaseOrder.lines. */
    String itemsOf(String name, String property) {
        Schema<?> items = resolve(schema(name)).getProperties().get(property).getItems();
        return items.get$ref().substring(items.get$ref().lastIndexOf('/') + 1);
    }

    private Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("the contract has no schema " + name);
        }
        return schema;
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        while (s.get$ref() != null) {
            s = schema(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        if (s.getAllOf() != null && s.getAllOf().size() == 1) {
            return resolve(s.getAllOf().get(0));
        }
        return s;
    }

    private JsonNode sample(Schema<?> raw, String where, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("schema nests too deep at " + where);
        }
        Schema<?> s = resolve(raw);
        if (s.getExample() != null) {
            return JSON.valueToTree(s.getExample());
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return JSON.valueToTree(s.getEnum().get(0));
        }
        String type = s.getType() != null ? s.getType() : s.getTypes() == null ? "object" : s.getTypes().iterator().next();
        return switch (type) {
            case "object" -> object(s, where, depth);
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                int min = s.getMinItems() == null ? 0 : s.getMinItems();
                for (int i = 0; i < min; i++) {
                    array.add(sample(s.getItems(), where + "[]", depth + 1));
                }
                yield array;
            }
            case "integer" -> JSON.getNodeFactory().numberNode(s.getMinimum() == null ? 1L : s.getMinimum().longValue());
            case "number" -> JSON.getNodeFactory().numberNode(s.getMinimum() == null ? BigDecimal.ONE : s.getMinimum());
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            default -> JSON.getNodeFactory().textNode(text(s, where));
        };
    }

    private ObjectNode object(Schema<?> s, String where, int depth) {
        ObjectNode node = JSON.createObjectNode();
        Map<String, Schema> properties = s.getProperties() == null ? Map.of() : s.getProperties();
        List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
        for (String name : required) {
            node.set(name, sample(properties.get(name), where + "." + name, depth + 1));
        }
        return node;
    }

    private static String text(Schema<?> s, String where) {
        if (s.getFormat() == null) {
            if (s.getPattern() != null) {
                throw new IllegalStateException(where + " has a pattern and no example: give the contract one");
            }
            return "x".repeat(Math.max(1, s.getMinLength() == null ? 1 : s.getMinLength()));
        }
        return switch (s.getFormat()) {
            case "uuid" -> "3f2b8c1e-6a4d-4e2f-9b1a-0c5d7e8f9a10";
            case "date" -> "2026-12-15";
            case "date-time" -> "2026-11-29T12:00:00Z";
            default -> throw new IllegalStateException(where + " has format " + s.getFormat() + " and no example");
        };
    }
}
