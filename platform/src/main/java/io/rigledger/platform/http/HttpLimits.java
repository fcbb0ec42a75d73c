package io.rigledger.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * The HTTP layer's own refusals as problem+json: a request target longer than
 * {@code rigledger.http.max-uri-length} (414), headers over {@code rigledger.http.max-header-bytes}
 * (431) and a declared body over {@code quarkus.http.limits.max-body-size} (413). Vert.x answers
 * those with an empty body before any route runs, so its own limits
 * (quarkus.http.limits.max-initial-line-length, max-header-size; raised in this module's
 * microprofile-config.properties) sit above these, and this route, ahead of Quarkus's upload limit,
 * answers first.
 */
@Singleton
public class HttpLimits {

    /** Before Quarkus's upload-limit route (order -2), after nothing that reads the request. */
    static final int ORDER = -100;

    @Inject
    PlatformConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<String> maxBodySize;

    void install(@Observes Router router) {
        long maxBody = maxBodySize.map(s -> new MemorySizeConverter().convert(s).asLongValue()).orElse(Long.MAX_VALUE);
        int maxUri = config.http().maxUriLength();
        int maxHeaders = config.http().maxHeaderBytes();
        router.route().order(ORDER).handler(ctx -> check(ctx, maxUri, maxHeaders, maxBody));
    }

    private void check(RoutingContext ctx, int maxUri, int maxHeaders, long maxBody) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUri) {
            refuse(ctx, ProblemKind.URI_TOO_LONG, "the request target is " + request.uri().length()
                    + " characters long; at most " + maxUri + " are read", false);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4L;
        }
        if (headerBytes > maxHeaders) {
            refuse(ctx, ProblemKind.HEADERS_TOO_LARGE, "the request headers take " + headerBytes
                    + " bytes; at most " + maxHeaders + " are read", false);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(ctx, ProblemKind.MALFORMED, "Content-Length must be a whole number of bytes", true);
                return;
            }
            if (declared > maxBody) {
                refuse(ctx, ProblemKind.PAYLOAD_TOO_LARGE, "the body is " + declared + " bytes; at most "
                        + maxBody + " are read", true);
                return;
            }
        }
        ctx.next();
    }

    /** Answers without reading the body; when one is on its way the connection is closed after the answer. */
    private void refuse(RoutingContext ctx, ProblemKind kind, String detail, boolean closeAfter) {
        String path = ctx.request().path();
        Problem problem = kind.problem(detail, path != null && path.length() <= 200 ? path : null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + kind.title() + "\",\"status\":" + kind.status() + "}";
        }
        var response = ctx.response().setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeAfter) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> ctx.request().connection().close());
        }
        response.end(body);
    }
}
