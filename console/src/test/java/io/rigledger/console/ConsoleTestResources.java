package io.rigledger.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.console.fakes.FakeApisResource;

/**
 * Real components for every @QuarkusTest of this module: a WireMock OIDC server (the sign-in, and the
 * key that signs the tokens of {@link io.rigledger.testsupport.Tokens}) and HTTP-level fakes of the
 * three services held to their contracts.
 */
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeApisResource.class, scope = TestResourceScope.GLOBAL)
public final class ConsoleTestResources {

    private ConsoleTestResources() {
    }
}
