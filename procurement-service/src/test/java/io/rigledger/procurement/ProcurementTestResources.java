package io.rigledger.procurement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.rigledger.procurement.fakes.FakeUpstreamsResource;
import io.rigledger.testsupport.EmbeddedPostgresResource;

/**
 * Real components for every @QuarkusTest of this module: embedded PostgreSQL (database
 * procurement), a WireMock OIDC server whose key signs the tokens of
 * {@link io.rigledger.testsupport.Tokens} and which issues our client-credentials token, and
 * HTTP-level fakes of tariff-service and inventory-service.
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "procurement"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeUpstreamsResource.class)
public final class ProcurementTestResources {

    public static final String CONTRACT = "src/main/openapi/procurement.yaml";

    private ProcurementTestResources() {
    }
}
