package io.rigledger.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The places in a request body that can hold a bad value: every property the body's schema
 * declares (those in the example and the optional ones it leaves out), down through objects and
 * the first item of arrays, each named as a client writes it ({@code lines[0].quantity}).
 */
final class BodySlots {

    private static final String PLACEHOLDER = "@@rigledger-fuzz-value@@";

    /**
     * One place.
     *
     * @param field    the field as a client names it
     * @param parent   where the object or array holding it is
     * @param property its property name, or null for an array item
     * @param index    its index in the array, or -1
     * @param schema   what the contract says it holds
     * @param current  its good value in the example, or null when the example leaves it out
     * @param required whether the contract requires it
     */
    record Slot(String field, JsonPointer parent, String property, int index, Schema<?> schema, JsonNode current,
                boolean required) {
    }

    /** An object in the example and its schema. */
    record Obj(JsonPointer at, Schema<?> schema) {

        /** Whether the schema declares this property. */
        boolean declares(String name) {
            return schema.getProperties() != null && schema.getProperties().containsKey(name);
        }
    }

    private final JsonNode example;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Obj> objects = new ArrayList<>();

    BodySlots(Schema<?> schema, JsonNode example) {
        this.example = example;
        walk(schema, example, JsonPointer.empty(), "");
    }

    List<Slot> slots() {
        return slots;
    }

    /** Every object in the example (the body itself first). */
    List<Obj> objects() {
        return objects;
    }

    JsonNode example() {
        return example;
    }

    private void walk(Schema<?> schema, JsonNode node, JsonPointer at, String field) {
        if (node != null && node.isObject() && "object".equals(JsonValues.type(schema))) {
            objects.add(new Obj(at, schema));
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
            for (Map.Entry<String, Schema> p : properties.entrySet()) {
                String name = p.getKey();
                String childField = field.isEmpty() ? name : field + "." + name;
                JsonNode child = node.get(name);
                slots.add(new Slot(childField, at, name, -1, p.getValue(), child, required.contains(name)));
                if (child != null) {
                    walk(p.getValue(), child, at.appendProperty(name), childField);
                }
            }
        } else if (node != null && node.isArray() && !node.isEmpty() && schema.getItems() != null) {
            String childField = field + "[0]";
            slots.add(new Slot(childField, at, null, 0, schema.getItems(), node.get(0), false));
            walk(schema.getItems(), node.get(0), at.appendIndex(0), childField);
        }
    }

    /** The example with the slot's value replaced by raw bytes (which may be anything, also invalid JSON). */
    byte[] with(Slot slot, byte[] raw) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = copy.at(slot.parent());
        if (parent instanceof ObjectNode o) {
            o.put(slot.property(), PLACEHOLDER);
        } else if (parent instanceof ArrayNode a) {
            a.set(slot.index(), PLACEHOLDER);
        }
        String json = JsonValues.write(copy);
        String marker = "\"" + PLACEHOLDER + "\"";
        int at = json.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + raw.length);
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The example without the slot's property. */
    String without(Slot slot) {
        JsonNode copy = example.deepCopy();
        if (copy.at(slot.parent()) instanceof ObjectNode o) {
            o.remove(slot.property());
        }
        return JsonValues.write(copy);
    }

    /** The example with one more property in the object at {@code at}. */
    String withUnknownProperty(JsonPointer at, String name) {
        JsonNode copy = example.deepCopy();
        if (copy.at(at) instanceof ObjectNode o) {
            o.put(name, 1);
        }
        return JsonValues.write(copy);
    }

    /** The name an object's field is known by in reports: {@code lines[0]}, or {@code body} for the body itself. */
    static String name(JsonPointer at) {
        if (at.matches()) {
            return "body";
        }
        StringBuilder b = new StringBuilder();
        for (JsonPointer p = at; !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                b.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(p.getMatchingProperty());
            }
        }
        return b.toString();
    }
}
