package io.rigledger.platform.http;

import io.rigledger.platform.json.JsonMedia;
import io.rigledger.platform.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * A request with a body must say it is JSON: POST, PUT and PATCH bodies without a Content-Type, or
 * with any other type or a charset other than UTF-8, are 415 problem+json, never read as JSON by
 * guess. Requests without a body pass (the operation itself says whether it needs one).
 */
@Provider
public class JsonBodies implements ContainerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!carriesBody(request)) {
            return;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!JsonMedia.isReadableJson(declaredType(request))) {
            throw Problems.unsupportedMediaType(declared == null
                    ? "the request has a body but no Content-Type; send it as application/json (UTF-8)"
                    : "send the body as application/json (UTF-8), not " + declared);
        }
    }

    /** Whether this is a POST, PUT or PATCH that says a body follows (Content-Length above 0, or Transfer-Encoding). */
    public static boolean carriesBody(ContainerRequestContext request) {
        return WITH_BODY.contains(request.getMethod()) && hasBody(request);
    }

    /** The request's Content-Type, or null when it has none or one that does not parse. */
    public static MediaType declaredType(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        try {
            return declared == null ? null : MediaType.valueOf(declared);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.strip());
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
