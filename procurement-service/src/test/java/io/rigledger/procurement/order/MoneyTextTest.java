package io.rigledger.procurement.order;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.procurement.fakes.InjectFakeUpstreams;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.rigledger.procurement.order.OrderResourceTest.as;
import static io.rigledger.procurement.order.OrderResourceTest.line;
import static io.rigledger.procurement.order.OrderResourceTest.newOrg;
import static io.rigledger.procurement.order.OrderResourceTest.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Money on the wire is USD with exactly two decimals, plain, as the body's text: never 5.4E+3. */
@QuarkusTest
class MoneyTextTest {

    @InjectFakeUpstreams
    FakeUpstreams upstreams;

    @BeforeEach
    void healthyNeighbours() {
        upstreams.reset();
    }

    @Test
    void aPriceSentInExponentFormIsAnsweredWithTwoDecimals() {
        String org = newOrg();
        String created = as(Tokens.operator(org))
                .body(order("FOB", "AIR", line("antminer-s21-xp", "BITMAIN-MY", 3, "5.4E3")))
                .post("/api/purchase-orders").then().statusCode(201)
                .body(containsString("\"unitPrice\":5400.00"))
                .body(containsString("\"customsValue\":16200.00"))
                .body(not(containsString("E+")))
                .extract().path("id");

        as(Tokens.finance(org)).get("/api/purchase-orders/" + created + "/landed-cost").then().statusCode(200)
                .body(containsString("\"price\":5400.00"))
                .body(containsString("\"price\":16200.00"))
                .body(not(containsString("E+")));
    }
}
