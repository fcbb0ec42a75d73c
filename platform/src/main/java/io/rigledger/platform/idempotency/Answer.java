package io.rigledger.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * What a POST answered, as sent and as stored under its Idempotency-Key.
 *
 * @param status   HTTP status (201, 200)
 * @param body     the JSON body exactly as sent
 * @param location the Location header, or null
 * @param etag     the ETag header, or null
 * @param replayed true when this is the stored answer to an earlier request with the same key
 */
public record Answer(int status, String body, String location, String etag, boolean replayed) {

    /** The header that marks a stored answer replayed for a repeated Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * This answer as the HTTP response every POST of the service sends: status, JSON body, Location and
     * ETag when present, and {@value #REPLAYED_HEADER}: true on a replay.
     */
    public RestResponse<String> toResponse() {
        RestResponse.ResponseBuilder<String> r = RestResponse.ResponseBuilder.<String>create(status)
                .entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        if (location != null) {
            r.location(URI.create(location));
        }
        if (etag != null) {
            r.header("ETag", etag);
        }
        if (replayed) {
            r.header(REPLAYED_HEADER, "true");
        }
        return r.build();
    }

    /**
     * A first answer (not replayed) whose body is {@code view} written as JSON by {@code json} (the
     * service's ObjectMapper, so exactly as the REST layer writes it).
     *
     * @param location the Location header, or null
     * @param etag     the ETag header, or null
     */
    public static Answer of(ObjectMapper json, int status, Object view, String location, String etag) {
        try {
            return new Answer(status, json.writeValueAsString(view), location, etag, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** The same answer, marked as replayed. */
    public Answer asReplay() {
        return new Answer(status, body, location, etag, true);
    }
}
