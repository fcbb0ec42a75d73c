package io.rigledger.procurement.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, the body of every 4xx and 5xx this service answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that is wrong, named the way the client wrote it: {@code lines[0].quantity}. */
    public record Violation(String field, String message) {
    }
}
