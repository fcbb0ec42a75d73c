package io.rigledger.procurement;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.procurement.fakes.FakeUpstreamsResource;
import io.rigledger.testsupport.EmbeddedPostgresResource;

/**
 * Real components for every @QuarkusTest of this module: embedded PostgreSQL (database
 * procurement), a WireMock OIDC server whose key signs the tokens of
 * {@link io.rigledger.testsupport.Tokens} and which issues our client-credentials token, and
 * HTTP-level fakes of tariff-service and inventory-service.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "procurement"), scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeUpstreamsResource.class, scope = TestResourceScope.GLOBAL)
public final class ProcurementTestResources {

    public static final String CONTRACT = "src/main/openapi/procurement.yaml";

    private ProcurementTestResources() {
    }
}
