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
    /** ASCII digits only: Long.parseLong would take full-width and Arabic-Indic digits too. */
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");

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

    /**
     * A whole number written in ASCII digits, from {@code min} to {@code max} (a row id, a fiscal year).
     * Found by the bad-input test: a {@code long} path parameter answered 404 for "ten" or "1.5"
     * (JAX-RS), 404 for "-1" instead of naming the bound, and 200 for the full-width "\uFF11".
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming {@code name} otherwise
     */
    public static long whole(String name, String value, long min, long max) {
        String message = "must be a whole number from " + min + " to " + max + " written in ASCII digits";
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw Problems.badRequest(name, message);
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.badRequest(name, message);
        }
        if (number < min || number > max) {
            throw Problems.badRequest(name, message);
        }
        return number;
    }

    /** A row id: a whole number from 1 to {@link Long#MAX_VALUE} in ASCII digits, else 400 naming {@code name}. */
    public static long id(String name, String value) {
        return whole(name, value, 1, Long.MAX_VALUE);
    }
}
