package io.rigledger.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Test profile for {@link RateLimitChecks}: {@value #REQUESTS} requests per caller per hour, so a
 * test reaches the limit in a few calls and the window cannot roll over while it runs. The client
 * address is taken from X-Forwarded-For when the request comes from the loopback (as behind a
 * trusted proxy), so each test can be a caller of its own without a token.
 */
public class LowRateLimit implements QuarkusTestProfile {

    /** Requests per caller per window in this profile. */
    public static final int REQUESTS = 3;
    /** The window, in seconds: one hour. */
    public static final int PERIOD_SECONDS = 3600;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rigledger.rate-limit.enabled", "true",
                "rigledger.rate-limit.requests", Integer.toString(REQUESTS),
                "rigledger.rate-limit.period", "PT" + PERIOD_SECONDS + "S",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
    }
}
