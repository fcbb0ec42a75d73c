package io.rigledger.platform.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Names a bad field the way the client wrote it: {@code lines[0].quantity}, never the Java path
 * ({@code create.body.lines[0].quantity}). The body itself, when nothing inside it can be named, is
 * {@value #BODY}.
 */
public final class FieldPaths {

    public static final String BODY = "body";

    private FieldPaths() {
    }

    /** A bean-validation violation: properties and indexes after the method parameter; a bare parameter keeps its name. */
    public static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if ((kind == ElementKind.PROPERTY || kind == ElementKind.BEAN) && node.getName() != null) {
                dot(field).append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? BODY : parameter;
        }
        return field.toString();
    }

    /** Where Jackson was when a value could not be bound; {@value #BODY} at the top level. */
    public static String of(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                dot(field).append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    /** Where the parser stood (for a duplicated key: the key itself); {@value #BODY} at the top level. */
    public static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                dot(field).append(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                field.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    private static StringBuilder dot(StringBuilder field) {
        if (!field.isEmpty()) {
            field.append('.');
        }
        return field;
    }
}
