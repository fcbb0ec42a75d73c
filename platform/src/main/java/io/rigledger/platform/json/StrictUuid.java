package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs (OpenAPI {@code format: uuid}): a JSON string of exactly the canonical 8-4-4-4-12 hex
 * digits. Jackson's own reader trims the text first, so "&lt;uuid&gt;\u0000" or " &lt;uuid&gt;" were read
 * as the UUID (found by the bad-input test: rigs registered with such a purchaseOrderId), and it
 * takes 24-character base64 too.
 */
public class StrictUuid extends StdScalarDeserializer<UUID> {

    private static final Pattern CANONICAL =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public StrictUuid() {
        super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING) || !CANONICAL.matcher(p.getText()).matches()) {
            throw new RejectedValueException(p, "must be a UUID such as 3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40", UUID.class);
        }
        return UUID.fromString(p.getText());
    }
}
