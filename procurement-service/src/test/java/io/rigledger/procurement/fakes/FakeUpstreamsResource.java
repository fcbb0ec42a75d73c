package io.rigledger.procurement.fakes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the fake neighbours and points the generated REST clients at them. */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private FakeUpstreams upstreams;

    @Override
    public Map<String, String> start() {
        upstreams = new FakeUpstreams();
        upstreams.start();
        return Map.of(
                "quarkus.rest-client.tariff.url", upstreams.tariff.baseUrl(),
                "quarkus.rest-client.inventory.url", upstreams.inventory.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(upstreams,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeUpstreams.class, FakeUpstreams.class));
    }

    @Override
    public void stop() {
        if (upstreams != null) {
            upstreams.stop();
        }
    }
}
