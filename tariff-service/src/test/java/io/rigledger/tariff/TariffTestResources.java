package io.rigledger.tariff;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.tariff.fakes.FakeProcurementResource;
import io.rigledger.testsupport.EmbeddedPostgresResource;

/**
 * Real components for every @QuarkusTest of this module: embedded PostgreSQL (database tariff)
 * and a WireMock OIDC server whose key signs the tokens of {@link io.rigledger.testsupport.Tokens};
 * and procurement-service faked to its contract ({@link io.rigledger.tariff.fakes.FakeProcurement}).
 */
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "tariff"), scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeProcurementResource.class, scope = TestResourceScope.GLOBAL)
public final class TariffTestResources {

    public static final String CONTRACT = "src/main/openapi/tariff.yaml";

    private TariffTestResources() {
    }
}
