package io.rigledger.platform.json;

import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;

/** Which media types are JSON bodies the services read: application/json or application/*+json, UTF-8 only. */
public final class JsonMedia {

    private JsonMedia() {
    }

    /** Whether this is a JSON media type (any charset). */
    public static boolean isJson(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** Whether a body of this type may be read: JSON, and UTF-8 when a charset is named. */
    public static boolean isReadableJson(MediaType type) {
        if (!isJson(type)) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset) || "utf8".equalsIgnoreCase(charset);
    }
}
