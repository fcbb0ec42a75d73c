package io.rigledger.testsupport.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * A bad value for one field or parameter: the raw JSON text (or, for a parameter, the raw text)
 * that replaces the good one, and why it is bad.
 *
 * @param kind  what is wrong, e.g. {@code string.tooLong}
 * @param raw   the bytes that stand where the value was (raw JSON for a body field; may be
 *              invalid UTF-8)
 * @param rule  {@link BadRequest.Rule#CONTRACT} when only the contract's validator can say (it
 *              is asked, and the mutant dropped when the contract allows it);
 *              {@link BadRequest.Rule#PLATFORM} when a platform rule refuses it whatever the
 *              contract says; {@link BadRequest.Rule#SYNTAX} when it is not JSON or not UTF-8
 */
record Mutant(String kind, byte[] raw, BadRequest.Rule rule) {

    static Mutant contract(String kind, String json) {
        return new Mutant(kind, json.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.CONTRACT);
    }

    static Mutant platform(String kind, String json) {
        return new Mutant(kind, json.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.PLATFORM);
    }

    static Mutant syntax(String kind, String json) {
        return new Mutant(kind, json.getBytes(StandardCharsets.UTF_8), BadRequest.Rule.SYNTAX);
    }

    static Mutant syntax(String kind, byte[] raw) {
        return new Mutant(kind, raw, BadRequest.Rule.SYNTAX);
    }

    String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
