package io.rigledger.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One malformed request and the answers it may get.
 *
 * @param operation   the operation it is aimed at
 * @param kind        what is wrong with it, e.g. {@code string.tooLong}, {@code utf8.overlong}
 * @param target      the field or parameter made bad ({@code lines[0].quantity}, {@code limit},
 *                    {@code body}, {@code Content-Type})
 * @param rule        why it is bad: {@link Rule#CONTRACT} (the contract's request validator refuses
 *                    it), {@link Rule#PLATFORM} (a rule every service keeps: no control characters,
 *                    declared decimals, issued cursors) or {@link Rule#SYNTAX} (not JSON, not UTF-8,
 *                    not the media type)
 * @param uri         path and query, percent-encoded, e.g. {@code /api/rigs?limit=-1}
 * @param contentType the Content-Type header, or null for none
 * @param body        the body bytes, or null for none
 * @param accept      the Accept header, or null for none
 * @param expected    the statuses that are a right answer (400; 415 for a media type; 414 for a
 *                    request target over the HTTP layer's limit)
 */
public record BadRequest(FuzzOperation operation, String kind, String target, Rule rule, String uri,
                         String contentType, byte[] body, String accept, Set<Integer> expected) {

    /** Why a request is malformed. */
    public enum Rule { CONTRACT, PLATFORM, SYNTAX }

    /**
     * Request targets longer than this may be answered 414 by the HTTP layer instead of 400 (the
     * platform reads 16 KiB, so a 10,000-character parameter still reaches validation).
     */
    public static final int LONG_URI = 16_384;

    public BadRequest {
        Objects.requireNonNull(operation);
        expected = Set.copyOf(expected);
    }

    /** A request with a JSON body that is bad in its content: 400 expected. */
    static BadRequest json(FuzzOperation op, String kind, String target, Rule rule, String json) {
        return json(op, kind, target, rule, json.getBytes(StandardCharsets.UTF_8));
    }

    static BadRequest json(FuzzOperation op, String kind, String target, Rule rule, byte[] body) {
        return new BadRequest(op, kind, target, rule, op.validPath(), "application/json", body, null, Set.of(400));
    }

    /** A request whose path or query is bad: 400 expected (or 414 when the target is over {@link #LONG_URI}). */
    static BadRequest uri(FuzzOperation op, String kind, String target, Rule rule, String uri, String validBody) {
        Set<Integer> expected = uri.length() > LONG_URI ? Set.of(400, 414) : Set.of(400);
        byte[] body = validBody == null ? null : validBody.getBytes(StandardCharsets.UTF_8);
        return new BadRequest(op, kind, target, rule, uri, validBody == null ? null : "application/json", body, null,
                expected);
    }

    /** A good request (body and parameters) with an Accept header naming nothing the operation answers with: 406. */
    static BadRequest accept(FuzzOperation op, String accept, String validBody) {
        byte[] body = validBody == null ? null : validBody.getBytes(StandardCharsets.UTF_8);
        return new BadRequest(op, "accept.unsupported", "Accept", Rule.SYNTAX, op.validPath(),
                validBody == null ? null : "application/json", body, accept, Set.of(406));
    }

    public String method() {
        return operation.method();
    }

    /** The body as text, for the contract's validator (invalid UTF-8 replaced). */
    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** A short description for reports: operation, kind, target and the start of the request. */
    public String describe() {
        String start = uri.length() > 120 ? uri.substring(0, 120) + "...(" + uri.length() + " chars)" : uri;
        String bodyStart = "";
        if (body != null) {
            String text = bodyText();
            bodyStart = " body=" + (text.length() > 160 ? text.substring(0, 160) + "...(" + body.length + " bytes)" : text);
        }
        return operation.operationId() + " " + kind + " [" + target + "] " + method() + " " + start
                + " ct=" + contentType + (accept == null ? "" : " accept=" + accept) + bodyStart;
    }

    /** Requests are the same when they send the same bytes to the same place. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BadRequest other && operation.operationId().equals(other.operation.operationId())
                && uri.equals(other.uri) && Objects.equals(contentType, other.contentType)
                && Objects.equals(accept, other.accept) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation.operationId(), uri, contentType, accept, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The request's headers besides Authorization. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (accept != null) {
            headers.put("Accept", accept);
        }
        return headers;
    }
}
