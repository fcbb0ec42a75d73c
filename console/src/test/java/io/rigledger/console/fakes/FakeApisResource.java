package io.rigledger.console.fakes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rigledger.console.fakes.FakeApis.Api;

import java.util.Map;

/** Starts the fake services and points the generated REST clients (and the downloads) at them. */
public class FakeApisResource implements QuarkusTestResourceLifecycleManager {

    private FakeApis apis;

    @Override
    public Map<String, String> start() {
        apis = new FakeApis();
        apis.start();
        return Map.of(
                "quarkus.rest-client.tariff.url", apis.url(Api.TARIFF),
                "quarkus.rest-client.inventory.url", apis.url(Api.INVENTORY),
                "quarkus.rest-client.procurement.url", apis.url(Api.PROCUREMENT));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(apis, new TestInjector.AnnotatedAndMatchesType(InjectFakeApis.class, FakeApis.class));
    }

    @Override
    public void stop() {
        if (apis != null) {
            apis.stop();
        }
    }
}
