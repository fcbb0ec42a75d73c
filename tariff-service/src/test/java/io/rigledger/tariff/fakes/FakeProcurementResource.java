package io.rigledger.tariff.fakes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the {@link FakeProcurement} of the test run and points tariff-service's procurement client at it. */
public class FakeProcurementResource implements QuarkusTestResourceLifecycleManager {

    private FakeProcurement fake;

    @Override
    public Map<String, String> start() {
        fake = new FakeProcurement();
        fake.start();
        return Map.of("rigledger.procurement.url", fake.url());
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.stop();
        }
    }
}
