package io.rigledger.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.rigledger.platform.json.RejectedValueException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bad input as 400 problem+json naming each field as the client wrote it: bean-validation
 * violations, and every way a JSON body can fail to bind (syntax, duplicated key, wrong type,
 * unknown property, out-of-range number, trailing content). No Jackson or Java internals in the
 * answer.
 */
public class InputMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(InputMappers::isReturnValue)) {
            // the service broke its own contract: a bug, not the client's input
            return ProblemMappers.internalError(e, uri);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(FieldPaths.of(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return ProblemMappers.respond(Problems.invalid(violations), uri);
    }

    /** Declared for the exact type Quarkus REST maps itself, so that this one wins. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        return ProblemMappers.respond(problemOf(e), uri);
    }

    /** The problem a JSON failure is, for a request body. */
    static ProblemException problemOf(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problems.malformed("the body exceeds what this service reads (nesting depth, number or text length)");
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException cause
                && !(cause instanceof JsonMappingException)) {
            // a syntax error inside a nested value, wrapped on its way out: the parser knows where
            return problemOf(cause);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return Problems.malformed("the body ends before the JSON document does" + where(e));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = FieldPaths.of(mapping);
            return Problems.badRequest(field, messageOf(mapping));
        }
        String parsedField = e.getProcessor() instanceof JsonParser parser
                ? FieldPaths.of(parser.getParsingContext()) : FieldPaths.BODY;
        if (e instanceof JsonParseException && original.startsWith("Duplicate field")) {
            return Problems.badRequest(parsedField, "appears more than once in the same object");
        }
        if (e instanceof InputCoercionException) {
            return Problems.badRequest(parsedField, "is out of range");
        }
        return Problems.malformed("the body is not valid JSON" + where(e));
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof RejectedValueException rejected) {
            return rejected.clientMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "must be one JSON document with nothing after it";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    /** What a value of the target type looks like, for "lines[0].quantity must be a number". */
    static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == int.class || target == long.class || target == short.class || target == Integer.class
                || target == Long.class || target == Short.class || target == BigInteger.class) {
            return "must be a whole number";
        }
        if (target == BigDecimal.class || target == double.class || target == float.class
                || Number.class.isAssignableFrom(target)) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isEnum()) {
            return "must be one of " + List.of(target.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target.isRecord() || Map.class.isAssignableFrom(target)) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
