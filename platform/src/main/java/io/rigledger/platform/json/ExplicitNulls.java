package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.rigledger.platform.problem.FieldPaths;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * No request field of the three contracts is nullable: a JSON {@code null} in a request body (a
 * field's value or an array item) is 400 naming where it stands, not read as "left out". Checked
 * on the body's tokens before binding, so it holds for every request type and leaves the
 * ObjectMapper (also used for responses, clients and stored JSON) as it is. A body that is not
 * well-formed is left to the binding, which names its fault.
 */
public final class ExplicitNulls {

    static final String MESSAGE = "must not be null (leave an optional field out instead)";
    private static final JsonFactory TOKENS = new JsonFactory();

    private ExplicitNulls() {
    }

    /** The 400 for the first null in the body, or null when it holds none (or is not JSON). */
    public static ProblemException problemOf(byte[] body) {
        try (JsonParser parser = TOKENS.createParser(body)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_NULL) {
                    return Problems.badRequest(FieldPaths.of(parser.getParsingContext()), MESSAGE);
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
