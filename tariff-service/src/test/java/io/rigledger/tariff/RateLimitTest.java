package io.rigledger.tariff;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rigledger.testsupport.LowRateLimit;
import io.rigledger.testsupport.RateLimitChecks;

/** Per-caller rate limits on this service's /api (the shared checks of test-support). */
@QuarkusTest
@TestProfile(LowRateLimit.class)
class RateLimitTest extends RateLimitChecks {

    RateLimitTest() {
        super(TariffTestResources.CONTRACT, "/api/duty-rates");
    }
}
