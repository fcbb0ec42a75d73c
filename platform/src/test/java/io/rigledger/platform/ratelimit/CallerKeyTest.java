package io.rigledger.platform.ratelimit;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests are limited, and whose quota an anonymous one takes. */
class CallerKeyTest {

    @Test
    void onlyApiPathsAreLimited() {
        assertTrue(RateLimitFilter.isApi("/api"));
        assertTrue(RateLimitFilter.isApi("/api/duty-quotes"));
        assertFalse(RateLimitFilter.isApi("/q/health/ready"));
        assertFalse(RateLimitFilter.isApi("/apis"));
        assertFalse(RateLimitFilter.isApi(null));
    }

    @Test
    void withoutAnIdentityTheClientAddressIsTheCaller() {
        assertEquals("ip:203.0.113.9", RateLimitFilter.callerKey(null, SocketAddress.inetSocketAddress(4711, "203.0.113.9")));
        assertEquals("ip:unknown", RateLimitFilter.callerKey(null, null));
    }
}
