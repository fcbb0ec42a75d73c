package io.rigledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.BiConsumer;

/**
 * The request side of the matrix's JSON work: a field of a request body (a dotted name, {@code []} for an array on
 * its way) set to a value at the first, a middle or the last element of each array, or removed, and whether a fixture
 * body gives each such array {@link #MIN_ITEMS} items; the answer side is {@link MatrixBodies}.
 */
final class MatrixBodyEdits {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The fewest items a fixture body gives each array on an id field's way: a first, a middle and a last one, so
     * that the middle differs from both ends (s19 review R-11i P3: a deploy checking the organisation of its first
     * and last rig only moved another organisation's rig given second of three).
     */
    static final int MIN_ITEMS = 3;

    private MatrixBodyEdits() {
    }

    /**
     * Which element of each array on a field's way (and of an array of ids) a value is put in: the first, the middle
     * ({@code size / 2}) or the last, so that a batch checking the organisation on its first item only (fresh review
     * R-11g D1), or on its first and last only (R-11i P3), is tried too.
     */
    enum At {
        FIRST, MIDDLE, LAST;

        /** The index of this element in an array of {@code size} items (0 for an empty one). */
        int in(int size) {
            return switch (this) {
                case FIRST -> 0;
                case MIDDLE -> size / 2;
                case LAST -> Math.max(0, size - 1);
            };
        }
    }

    /** {@link #with(String, String, boolean, String, At)} at the first element of each array. */
    static String with(String body, String field, boolean array, String value) {
        return with(body, field, array, value, At.FIRST);
    }

    /**
     * The body with one field set: {@code placements[].position.site} walks into the first (or, {@link At#MIDDLE}
     * and {@link At#LAST}, the middle or last) element of {@code placements}; the last name is created when the
     * example leaves it out; an array of ids gets the value as its first (middle, last) element. A number-shaped value replaces a number as a number.
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
                    values.set(at.in(values.size()), JSON.getNodeFactory().textNode(value));
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
     * Where the body gives fewer than {@link #MIN_ITEMS} items to an array on the field's way or to the field's own
     * array of ids (every element of an outer array is looked into), e.g. {@code "placements: 2 item(s)"}; null when
     * every one has enough. A field in an array is tried at the first, the middle and the last index, which are the
     * same item in an array of one (fresh review R-11g D1: org A's deploy with org B's rig second moved org B's rig)
     * and leave no middle in an array of two (R-11i P3: the organisation checked on the first and last rig only).
     */
    static String fewerThanThree(String body, IdFields.IdField field) {
        try {
            return fewerThanThree(JSON.readTree(body == null ? "{}" : body), field.name().split("\\."), 0, field.array(), "");
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body sent is no JSON: " + body, e);
        }
    }

    private static String fewerThanThree(JsonNode node, String[] names, int i, boolean array, String way) {
        boolean intoArray = names[i].endsWith("[]");
        String name = intoArray ? names[i].substring(0, names[i].length() - 2) : names[i];
        String here = way.isEmpty() ? name : way + "." + name;
        JsonNode next = node == null ? null : node.get(name);
        boolean last = i == names.length - 1;
        if (intoArray || last && array) {
            if (!(next instanceof ArrayNode items) || items.size() < MIN_ITEMS) {
                return here + ": " + (next instanceof ArrayNode items ? items.size() : 0) + " item(s)";
            }
            if (!last) {
                for (int k = 0; k < items.size(); k++) {
                    String few = fewerThanThree(items.get(k), names, i + 1, array, here + "[" + k + "]");
                    if (few != null) {
                        return few;
                    }
                }
            }
            return null;
        }
        return last ? null : fewerThanThree(next, names, i + 1, array, here);
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
            next = next == null ? null : next.get(at.in(next.size()));
        }
        if (next == null) {
            throw new AssertionError("the body sent has no " + name + " on the way to " + field
                    + ": give the fixture a body of org A that has it");
        }
        return next;
    }
}
