package io.rigledger.inventory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.inventory.fakes.FakeProcurementResource;
import io.rigledger.testsupport.EmbeddedPostgresResource;

/**
 * Real components for every @QuarkusTest of this module: embedded PostgreSQL (database inventory)
 * a WireMock OIDC server whose key signs the tokens of {@link io.rigledger.testsupport.Tokens}, and an HTTP-level
 * fake of procurement-service held to its contract.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"), scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeProcurementResource.class, scope = TestResourceScope.GLOBAL)
public final class InventoryTestResources {

    public static final String CONTRACT = "src/main/openapi/inventory.yaml";

    private InventoryTestResources() {
    }
}
