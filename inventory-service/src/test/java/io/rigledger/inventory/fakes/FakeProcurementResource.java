package io.rigledger.inventory.fakes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the fake procurement-service and points the generated REST client at it. */
public class FakeProcurementResource implements QuarkusTestResourceLifecycleManager {

    private FakeProcurement procurement;

    @Override
    public Map<String, String> start() {
        procurement = new FakeProcurement();
        procurement.start();
        return Map.of("quarkus.rest-client.procurement.url", procurement.server.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(procurement,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeProcurement.class, FakeProcurement.class));
    }

    @Override
    public void stop() {
        if (procurement != null) {
            procurement.stop();
        }
    }
}
