package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.HostileInput;
import io.rigledger.testsupport.HttpLimitsCheck;
import io.rigledger.testsupport.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.oneLine;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cases 003 to 006 on placing an order: every malformed body is a 400 (or 413, 414, 415, 431) problem, nothing stored, no neighbour asked. */
@QuarkusTest
class HostileInputTest {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @Inject
    CircuitBreakerMaintenance circuits;

    private final String org = newOrg();
    private final HostileInput order = new HostileInput(CONTRACT, Tokens.operator(org), "POST", "/api/purchase-orders",
            oneLine("antminer-s21", 1, "4000.00", "BITMAIN-MY"));

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
        circuits.resetAll();
    }

    @AfterEach
    void nothingWasStoredAndNoNeighbourAsked() {
        as(Tokens.operator(org)).get("/api/purchase-orders").then().statusCode(200).body("items", empty());
        assertEquals(0, upstreams.modelCalls() + upstreams.quoteCalls());
    }

    @Test
    void aDuplicatedKeyIs400NamingIt() {
        order.duplicatedKeysAre400NamingThem("expectedEntryDate", "supplier", "lines[0].sku", "lines[0].quantity");
    }

    @Test
    void controlCharactersInTextAre400() {
        order.controlCharactersInTextAre400("supplier");
        order.controlCharactersInTextAre400("lines[0].sku");
    }

    @Test
    void loosePastOrFarDatesAre400() {
        order.loosePastOrFarDatesAre400("expectedEntryDate");
    }

    @Test
    void scalarsAreNotCoerced() {
        order.scalarsAreNotCoerced("supplier", "lines[0].quantity");
    }

    @Test
    void contentAfterTheDocumentIs400() {
        order.contentAfterTheDocumentIs400();
    }

    @Test
    void overlongUtf8Is400() {
        order.overlongUtf8Is400("supplier");
    }

    @Test
    void bodiesThatAreNotJsonAre415() {
        order.bodiesThatAreNotJsonAre415();
    }

    @Test
    void badLimitsAndCursorsAre400NamingThem() {
        HostileInput.badLimitsAndCursorsAre400(CONTRACT, Tokens.operator(org), "/api/purchase-orders");
    }

    @Test
    void theHttpLayersRefusalsAreProblemsToo() {
        HttpLimitsCheck.oversizedBodyIs413("/api/purchase-orders", Tokens.operator(org));
        HttpLimitsCheck.overlongUriIs414("/api/purchase-orders/");
        HttpLimitsCheck.overlongHeadersAre431("/api/purchase-orders");
        HttpLimitsCheck.unknownPathIs404(Tokens.operator(org));
        HttpLimitsCheck.wrongMethodIs405("/api/purchase-orders", Tokens.operator(org));
        HttpLimitsCheck.unacceptableAcceptIs406("/api/purchase-orders", Tokens.operator(org));
    }
}
