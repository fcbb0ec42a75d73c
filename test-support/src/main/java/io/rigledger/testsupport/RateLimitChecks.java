package io.rigledger.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-caller rate limit (io.rigledger.platform.ratelimit), checked the same way in every
 * service: a caller over its quota gets 429 problem+json with Retry-After while another caller
 * still gets 200; callers without a token are limited by their address; every /api answer carries
 * the RateLimit headers; /q/* is not limited. Every exchange is validated against the service's
 * contract. A service applies it in a few lines:
 *
 * <pre>{@code
 * @QuarkusTest
 * @TestProfile(LowRateLimit.class)
 * class RateLimitTest extends RateLimitChecks {
 *     RateLimitTest() { super(CONTRACT, "/api/sites"); }
 * }
 * }</pre>
 */
public abstract class RateLimitChecks {

    private static final String LIMIT = "RateLimit-Limit";
    private static final String REMAINING = "RateLimit-Remaining";
    private static final String RESET = "RateLimit-Reset";
    /** Each test is a new client address in 203.0.113.0/24 (TEST-NET-3), never reused in this JVM. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final String contract;
    private final String readablePath;

    /**
     * @param contract     the service's contract file (src/main/openapi/*.yaml)
     * @param readablePath a GET under /api that answers 200 to an operator of any organisation
     */
    protected RateLimitChecks(String contract, String readablePath) {
        this.contract = contract;
        this.readablePath = readablePath;
    }

    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        if (n > 254) {
            throw new IllegalStateException("more rate-limit tests than TEST-NET-3 addresses");
        }
        return "203.0.113." + n;
    }

    private static String newOperator() {
        return Tokens.user("rate-" + UUID.randomUUID(), "org-" + UUID.randomUUID().toString().substring(0, 8), "operator");
    }

    private RequestSpecification as(String token, String address) {
        return given().filter(Contract.strict(contract)).header("X-Forwarded-For", address).auth().oauth2(token);
    }

    /** For requests without a token (the contract requires one): only the answer is validated. */
    private RequestSpecification anonymous(String address) {
        return given().filter(Contract.responses(contract)).header("X-Forwarded-For", address);
    }

    private static void assertQuota(Response r, long remaining) {
        assertEquals(Integer.toString(LowRateLimit.REQUESTS), r.header(LIMIT));
        assertEquals(Long.toString(remaining), r.header(REMAINING));
        long reset = Long.parseLong(r.header(RESET));
        assertTrue(reset > 0 && reset <= LowRateLimit.PERIOD_SECONDS, "RateLimit-Reset " + reset);
    }

    private static void assertRateLimited(Response r) {
        r.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("https://rigledger.io/problems/rate-limited"))
                .body("title", equalTo("Too many requests"));
        assertQuota(r, 0);
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= LowRateLimit.PERIOD_SECONDS, "Retry-After " + retryAfter);
        assertTrue(r.jsonPath().getString("detail").contains("more than " + LowRateLimit.REQUESTS + " requests"),
                r.jsonPath().getString("detail"));
    }

    @Test
    void aCallerOverItsQuotaGets429WithRetryAfterWhileAnotherCallerStillGets200() {
        String address = newAddress();
        String busy = newOperator();
        for (int remaining = LowRateLimit.REQUESTS - 1; remaining >= 0; remaining--) {
            Response ok = as(busy, address).get(readablePath);
            ok.then().statusCode(200);
            assertQuota(ok, remaining);
        }
        assertRateLimited(as(busy, address).get(readablePath));
        assertRateLimited(as(busy, newAddress()).get(readablePath));

        Response other = as(newOperator(), address).get(readablePath);
        other.then().statusCode(200);
        assertQuota(other, LowRateLimit.REQUESTS - 1);
    }

    @Test
    void callersWithoutATokenAreLimitedByTheirAddress() {
        String address = newAddress();
        for (int remaining = LowRateLimit.REQUESTS - 1; remaining >= 0; remaining--) {
            Response refused = anonymous(address).get(readablePath);
            refused.then().statusCode(401).contentType("application/problem+json");
            assertQuota(refused, remaining);
        }
        assertRateLimited(anonymous(address).get(readablePath));
        // a token that fails verification does not make its bearer someone else
        Response expired = anonymous(address).auth().oauth2(Tokens.expired("org-x", "operator")).get(readablePath);
        assertRateLimited(expired);

        Response elsewhere = anonymous(newAddress()).get(readablePath);
        elsewhere.then().statusCode(401);
        assertQuota(elsewhere, LowRateLimit.REQUESTS - 1);
        Response withToken = as(newOperator(), address).get(readablePath);
        withToken.then().statusCode(200);
        assertQuota(withToken, LowRateLimit.REQUESTS - 1);
    }

    @Test
    void healthChecksAreNotLimited() {
        String address = newAddress();
        for (int i = 0; i < LowRateLimit.REQUESTS + 2; i++) {
            Response health = given().header("X-Forwarded-For", address).get("/q/health/live");
            health.then().statusCode(200).header(LIMIT, nullValue());
            assertNull(health.header(RESET));
        }
        anonymous(address).get(readablePath).then().statusCode(401).header(REMAINING, equalTo(
                Integer.toString(LowRateLimit.REQUESTS - 1)));
    }
}
