package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.BiConsumer;

/**
 * The request side of the matrix's JSON work: a field of a request body (a dotted name, {@code []} for an array on
 * its way) set to a value at the first or last element of each array, or removed, and whether a fixture body gives
 * each such array two items; the answer side is {@link MatrixBodies}.
 */
final class MatrixBodyEdits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixBodyEdits() {
    }
    /**
     * Which element of each array on a field's way (and of an array of ids) a value is put in: the first, or the
     * last, so that a batch checking the organisation on its first item only is tried too (fresh review R-11g D1).
     */
    enum At { FIRST, LAST }

    /** {@link #with(String, String, boolean, String, At)} at the first element of each array. */
    static String with(String body, String field, boolean array, String value) {
        return with(body, field, array, value, At.FIRST);
    }

    /**
     * The body with one field set: {@code placements[].position.site} walks into the first (or, {@link At#LAST},
     * the last) element of {@code placements}; the last name is created when the example leaves it out; an array
     * of ids gets the value as its first (last) element. A number-shaped value replaces a number as a number.
     *
     * @throws AssertionError naming the field when the body has no object to hold it
     */
    static String with(String body, String field, boolean array, String value, At at) {
        return edited(body, field, at, (holder, last) -> {
            boolean intoArray = last.endsWith("[]");
            String name = intoArray ? last.substring(0, last.length() - 2) : last;
            if (array || intoArray) {
                ArrayNode values = holder.get(name) instanceof ArrayNode existing ? existing : holder.putArray(name);
                if (values.isEmpty()) {
                    values.add(value);
                } else {
                    values.set(at == At.FIRST ? 0 : values.size() - 1, JSON.getNodeFactory().textNode(value));
                }
            } else if (holder.get(name) != null && holder.get(name).isNumber() && value.matches("-?[0-9]+")) {
                holder.put(name, Long.parseLong(value));
            } else {
                holder.put(name, value);
            }
        });
    }

    /** True when the field lies in an array ({@code placements[].rig}) or is an array of ids ({@code quoteIds}). */
    static boolean inArray(IdFields.IdField field) {
        return field.array() || field.name().contains("[]");
    }

    /**
     * Where the body gives fewer than two items to an array on the field's way or to the field's own array of ids
     * (every element of an outer array is looked into), e.g. {@code "placements: 1 item"}; null when every one has
     * two or more. A field in an array is tried at the first and at the last index, which is the same item in an
     * array of one (fresh review R-11g D1: org A's deploy with org B's rig second moved org B's rig).
     */
    static String fewerThanTwo(String body, IdFields.IdField field) {
        try {
            return fewerThanTwo(JSON.readTree(body == null ? "{}" : body), field.name().split("\\."), 0, field.array(), "");
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body sent is no JSON: " + body, e);
        }
    }

    private static String fewerThanTwo(JsonNode node, String[] names, int i, boolean array, String way) {
        boolean intoArray = names[i].endsWith("[]");
        String name = intoArray ? names[i].substring(0, names[i].length() - 2) : names[i];
        String here = way.isEmpty() ? name : way + "." + name;
        JsonNode next = node == null ? null : node.get(name);
        boolean last = i == names.length - 1;
        if (intoArray || last && array) {
            if (!(next instanceof ArrayNode items) || items.size() < 2) {
                return here + ": " + (next instanceof ArrayNode items ? items.size() : 0) + " item(s)";
            }
            if (!last) {
                for (int k = 0; k < items.size(); k++) {
                    String few = fewerThanTwo(items.get(k), names, i + 1, array, here + "[" + k + "]");
                    if (few != null) {
                        return few;
                    }
                }
            }
            return null;
        }
        return last ? null : fewerThanTwo(next, names, i + 1, array, here);
    }

    /** The body without one field (the last name of its path), e.g. a batch without its organisation. */
    static String without(String body, String field) {
        return edited(body, field, At.FIRST, (holder, last) -> holder.remove(last.replace("[]", "")));
    }

    /** The body with {@code edit} done to the object holding the field's last name (given as the second argument). */
    private static String edited(String body, String field, At at, BiConsumer<ObjectNode, String> edit) {
        try {
            JsonNode root = JSON.readTree(body == null ? "{}" : body);
            String[] names = field.split("\\.");
            JsonNode node = root;
            for (int i = 0; i < names.length - 1; i++) {
                node = step(node, names[i], field, at);
            }
            if (!(node instanceof ObjectNode holder)) {
                throw new AssertionError("the body sent has no object to hold " + field + ": " + body);
            }
            edit.accept(holder, names[names.length - 1]);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body sent is no JSON: " + body, e);
        }
    }

    private static JsonNode step(JsonNode node, String name, String field, At at) {
        boolean intoArray = name.endsWith("[]");
        JsonNode next = node.get(intoArray ? name.substring(0, name.length() - 2) : name);
        if (intoArray) {
            next = next == null ? null : next.get(at == At.FIRST ? 0 : Math.max(0, next.size() - 1));
        }
        if (next == null) {
            throw new AssertionError("the body sent has no " + name + " on the way to " + field
                    + ": give the fixture a body of org A that has it");
        }
        return next;
    }
}
