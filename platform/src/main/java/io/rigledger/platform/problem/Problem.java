package io.rigledger.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx the services answer. Exactly the
 * contracts' Problem schema: {@code type, title, status, detail, instance, violations[{field,
 * message}], correlationId}; absent members are left out, and {@code correlationId} appears only on
 * a 500.
 *
 * @param type          https://rigledger.io/problems/&lt;kind&gt;
 * @param title         short, the same for every problem of a kind
 * @param status        the HTTP status
 * @param detail        what went wrong with this request, in words a client can act on
 * @param instance      the request path
 * @param violations    each bad field, named as the client wrote it; null when none
 * @param correlationId the id a 500 was logged under; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The longest request path echoed as {@code instance}; a longer one is left out. */
    public static final int MAX_INSTANCE_LENGTH = 2_048;
    public static final String TYPE_BASE = "https://rigledger.io/problems/";

    /** One field that is wrong, named the way the client wrote it: {@code lines[0].quantity}. */
    public record Violation(String field, String message) {
    }
}
