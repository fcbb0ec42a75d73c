package io.rigledger.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns every failure that reaches the REST layer into RFC 9457 problem+json: the services' own
 * {@link ProblemException}s, JAX-RS's status exceptions (404, 405, 406, 415 ...), an open circuit
 * (503), a database outage (503, {@link DatabaseOutage}), and anything unexpected (500 with a
 * correlation id, logged with its stack trace, nothing of it in the answer). Every 503 carries
 * {@code Retry-After}, as the contracts' ServiceUnavailable says. Bad input is {@link InputMappers};
 * tokens and roles are {@link AuthMappers}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** RFC 9110 safe methods: nothing they do needs to be stored, so a failed COMMIT of theirs is a plain outage. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e, uri);
    }

    /** The circuit around a neighbour is open: answered at once, exactly like an unreachable neighbour. */
    @ServerExceptionMapper
    public RestResponse<Problem> circuitOpen(CircuitBreakerOpenException e, UriInfo uri) {
        return respond(new ProblemException(ProblemKind.UPSTREAM_UNAVAILABLE,
                "a service this one depends on is failing; nothing was stored, try again later", null,
                Map.of("Retry-After", Integer.toString(UpstreamUnavailableException.RETRY_AFTER_SECONDS))), uri);
    }

    /** JAX-RS's own answers (no such resource, method, media type), as problems of the same status. */
    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        Response response = e.getResponse();
        int status = response == null ? 500 : response.getStatus();
        if (status >= 500 || status < 400) {
            return unexpected(e, uri, headers, request);
        }
        if (status == 400 && jsonCause(e) instanceof JsonProcessingException json) {
            // Quarkus REST wraps the JSON failures it does not map itself (syntax, duplicated key, number range)
            return respond(InputMappers.problemOf(json), uri);
        }
        ProblemKind kind = ProblemKind.ofStatus(status).orElse(ProblemKind.VALIDATION);
        String path = uri.getPath().length() > Problem.MAX_INSTANCE_LENGTH ? "this path" : uri.getPath();
        String detail = switch (status) {
            case 404 -> "nothing at " + path;
            case 405 -> "this method is not allowed on " + path
                    + (response.getHeaderString("Allow") == null ? "" : "; allowed: " + response.getHeaderString("Allow"));
            case 406 -> "this resource answers none of the media types the Accept header asks for;"
                    + " the contract lists the ones it answers";
            case 415 -> "send the body as application/json (UTF-8)";
            default -> kind.title();
        };
        Map<String, String> extra = response.getHeaderString("Allow") == null ? null
                : Map.of("Allow", response.getHeaderString("Allow"));
        return respond(new ProblemException(kind, detail, null, extra), uri);
    }

    /**
     * Anything no other mapper takes. A database outage ({@link DatabaseOutage#classify}) is 503 with
     * Retry-After, logged without a stack trace: outcome-unknown when the connection broke during
     * the COMMIT of a change (an unsafe method; the detail says to retry with the same
     * Idempotency-Key when the request carried one), upstream-unavailable ("nothing was stored")
     * otherwise. The rest is 500 with a correlation id.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri, HttpHeaders headers, Request request) {
        DatabaseOutage.Verdict verdict = DatabaseOutage.classify(e);
        if (verdict == DatabaseOutage.Verdict.OUTCOME_UNKNOWN && !SAFE_METHODS.contains(request.getMethod())) {
            LOG.warnf("database connection lost during commit on %s %s, outcome unknown: %s",
                    request.getMethod(), uri.getPath(), e.toString());
            return respond(DatabaseOutage.outcomeUnknown(headers.getHeaderString(IDEMPOTENCY_KEY) != null), uri);
        }
        if (verdict != DatabaseOutage.Verdict.NOT_AN_OUTAGE) {
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.toString());
            return respond(DatabaseOutage.problem(), uri);
        }
        return internalError(e, uri);
    }

    /** 500 internal with a fresh correlation id, logged with {@code e}'s stack trace; nothing of it in the answer. */
    static RestResponse<Problem> internalError(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", correlationId, uri.getPath());
        Problem body = new Problem(ProblemKind.INTERNAL.type(), ProblemKind.INTERNAL.title(), 500,
                "the request failed; quote correlation id " + correlationId,
                uri.getPath().length() > Problem.MAX_INSTANCE_LENGTH ? null : uri.getPath(), null, correlationId);
        return RestResponse.ResponseBuilder.<Problem>create(500).entity(body).type(Problem.MEDIA_TYPE).build();
    }

    private static Throwable jsonCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof JsonProcessingException) {
                return t;
            }
        }
        return null;
    }

    /** The problem+json answer for a problem, with the headers it carries. */
    static RestResponse<Problem> respond(ProblemException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> answer = RestResponse.ResponseBuilder.<Problem>create(e.status())
                .entity(e.toProblem(uri.getPath()))
                .type(Problem.MEDIA_TYPE);
        e.headers().forEach(answer::header);
        return answer.build();
    }
}
