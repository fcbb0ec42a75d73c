package io.rigledger.platform.http;

import io.rigledger.platform.problem.Problems;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query parameters the services take as text and parse here, so that a malformed value
 * is a 400 naming the parameter (JAX-RS would answer an undocumented 404 for a query or path
 * parameter it cannot convert).
 */
public final class Params {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Params() {
    }

    /**
     * A UUID in its canonical 8-4-4-4-12 hex form.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming {@code name} otherwise
     */
    public static UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw Problems.badRequest(name, "must be a UUID such as 3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40");
        }
        return UUID.fromString(value);
    }
}
