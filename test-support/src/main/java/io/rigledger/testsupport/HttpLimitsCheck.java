package io.rigledger.testsupport;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the HTTP layer refuses before any resource runs, answered as problem+json like every other
 * error: a body declared larger than the limit (413), a request target too long (414), headers too
 * large (431), and requests no operation matches (404 path, 405 method, 406 Accept). Sent over a
 * plain socket ({@link RawHttp}): some are too large for a well-behaved client, which is the point,
 * and none of them belongs to an operation of the contract.
 */
public final class HttpLimitsCheck {

    /** A Content-Length past quarkus.http.limits.max-body-size (10 MiB). */
    static final long OVERSIZED = 11L * 1024 * 1024;

    private HttpLimitsCheck() {
    }

    /** POST with a declared 11 MiB body: 413 problem+json before a byte of it is read. */
    public static RawHttp.Answer oversizedBodyIs413(String path, String token) {
        RawHttp.Answer answer = RawHttp.exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + OVERSIZED + "\r\n\r\n", "{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
        return problem(answer, 413, "payload-too-large");
    }

    /** GET of a path one million characters long: 414 problem+json. */
    public static RawHttp.Answer overlongUriIs414(String path) {
        RawHttp.Answer answer = RawHttp.exchange("GET " + path + "a".repeat(1_000_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);
        return problem(answer, 414, "uri-too-long");
    }

    /** A 20,000-byte header: 431 problem+json. */
    public static RawHttp.Answer overlongHeadersAre431(String path) {
        RawHttp.Answer answer = RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Filler: " + "a".repeat(20_000) + "\r\n\r\n", null);
        return problem(answer, 431, "headers-too-large");
    }

    /** A path no operation has: 404 problem+json. */
    public static RawHttp.Answer unknownPathIs404(String token) {
        return problem(get("/api/no-such-resource", token, "application/json"), 404, "not-found");
    }

    /** A method the path does not have: 405 problem+json with Allow. */
    public static RawHttp.Answer wrongMethodIs405(String path, String token) {
        RawHttp.Answer answer = RawHttp.exchange("DELETE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n", null);
        return problem(answer, 405, "method-not-allowed");
    }

    /** An Accept the operation cannot answer: 406 problem+json. */
    public static RawHttp.Answer unacceptableAcceptIs406(String path, String token) {
        return problem(get(path, token, "text/html"), 406, "not-acceptable");
    }

    private static RawHttp.Answer get(String path, String token, String accept) {
        return RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: " + accept
                + "\r\nAuthorization: Bearer " + token + "\r\n\r\n", null);
    }

    private static RawHttp.Answer problem(RawHttp.Answer answer, int status, String kind) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(status, answer.json().path("status").asInt());
        assertEquals("https://rigledger.io/problems/" + kind, answer.json().path("type").asText());
        return answer;
    }
}
