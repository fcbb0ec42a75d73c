package io.rigledger.procurement.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Turns every failure into RFC 9457 problem+json: field violations for bad input, no internals
 * ever, and a correlation id (logged with the stack trace) for the unexpected.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://rigledger.io/problems/";

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.kind(), e.title(), e.getMessage(), uri, e.violations());
    }

    /** The circuit around a neighbour is open: fail fast, exactly like an unreachable neighbour. */
    @ServerExceptionMapper
    public RestResponse<Problem> circuitOpen(CircuitBreakerOpenException e, UriInfo uri) {
        return respond(503, Problems.UPSTREAM_UNAVAILABLE, "Upstream unavailable",
                "a service this one depends on is failing; nothing was stored, try again later", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(400, "validation", "Invalid request", detail, uri, violations);
    }

    /** Declared for the exact type Quarkus REST maps itself, so that ours wins. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")";
            return respond(400, "malformed", "Malformed request body", "the body is not valid JSON" + where, uri, null);
        }
        String field = pathOf(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known property";
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            message = expected(((MismatchedInputException) e).getTargetType());
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return respond(400, "validation", "Invalid request", field + " " + message, uri,
                List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public RestResponse<Problem> unauthenticated(Exception e, UriInfo uri) {
        RestResponse<Problem> r = respond(401, "unauthenticated", "Unauthorized",
                "a valid bearer token is required", uri, null);
        r.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return r;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "your roles do not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return respond(status, slug(title), title, title, uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", correlationId, uri.getPath());
        Problem body = new Problem(TYPE_BASE + "internal", "Internal error", 500,
                "the request failed; quote correlation id " + correlationId, uri.getPath(), null, correlationId);
        return RestResponse.ResponseBuilder.<Problem>create(500).entity(body).type(Problem.MEDIA_TYPE).build();
    }

    private static RestResponse<Problem> respond(int status, String kind, String title, String detail, UriInfo uri,
                                                 List<Problem.Violation> violations) {
        Problem body = new Problem(TYPE_BASE + kind, title, status, detail, uri.getPath(), violations, null);
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(body).type(Problem.MEDIA_TYPE).build();
    }

    /** {@code create.body.lines[0].htsCode} becomes {@code lines[0].htsCode}; a bare parameter keeps its name. */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
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
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == BigDecimal.class || Number.class.isAssignableFrom(target) || target == int.class
                || target == long.class || target == Integer.class || target == Long.class) {
            return "must be a number";
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
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
