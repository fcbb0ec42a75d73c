package io.rigledger.procurement.receipt;

import io.restassured.path.json.JsonPath;
import io.rigledger.procurement.fakes.FakeEntries;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.util.UUID;

import static io.rigledger.procurement.receipt.ReceiptTest.as;

/**
 * What the landed-cost tests share beyond {@link ReceiptTestBase} (healthy fake neighbours held to their
 * contracts, the outbox delivered before each test): tariff-service's entries and allocation of an entry written as the contract's
 * Allocation. Each subclass is a {@code @QuarkusTest}.
 */
abstract class LandedCostTestBase extends ReceiptTestBase {

    @Inject
    LandedCostRefresh refresh;

    FakeEntries entries;

    @BeforeEach
    void entriesOfTheFakes() {
        entries = upstreams.entries();
    }

    /**
     * Runs the refresh until a round sends nothing, so what other test classes left due (their orders re-checked
     * at every round in the test profile, a batch at a time, their fake entries gone) is settled before a test
     * counts what it sends; the changes sent meanwhile are forgotten by the fake.
     *
     * @throws AssertionError when 50 rounds still send something (a cost that never settles)
     */
    void settleLandedCosts() {
        for (int round = 0; round < 50; round++) {
            if (refresh.runOnce() == 0) {
                entries.forgetLandedCostChanges();
                return;
            }
        }
        throw new AssertionError("the landed-cost refresh still sends after 50 rounds");
    }

    /**
     * tariff-service's allocation of one entry to line 1 of the order: two duty layers and MPF, the line's duty
     * and fees, and its rigs as "serial:duty:fees" (each rig's total is their sum).
     */
    static String allocation(UUID entry, UUID order, int quantity, String duty301, String dutyIeepa, String mpf,
                             String... rigs) {
        BigDecimal duty = new BigDecimal(duty301).add(new BigDecimal(dutyIeepa));
        BigDecimal total = duty.add(new BigDecimal(mpf));
        StringBuilder named = new StringBuilder();
        for (String rig : rigs) {
            String[] p = rig.split(":");
            named.append(named.isEmpty() ? "" : ",").append("""
                    {"serialNumber":"%s","duty":%s,"fees":%s,"amount":%s}""".formatted(p[0], p[1], p[2],
                    new BigDecimal(p[1]).add(new BigDecimal(p[2]))));
        }
        String layers = """
                [{"program":"SECTION_301","heading":"9903.88.15","amount":%s},
                 {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","amount":%s},
                 {"program":"MPF","heading":"","amount":%s}]""".formatted(duty301, dutyIeepa, mpf);
        return """
                {"entryId":"%s","entryNumber":"123-4567890-1","method":"VALUE","layers":%s,"total":%s,
                 "lines":[{"purchaseOrderId":"%s","lineNumber":1,"quantity":%d,"basis":12000.00,"layers":%s,
                           "duty":%s,"fees":%s,"total":%s,"rigs":[%s]}]}"""
                .formatted(entry, layers, total, order, quantity, layers, duty, mpf, total, named);
    }

    /** The order a shipment of {@code org} belongs to. */
    static String orderOf(String org, String shipment) {
        return as(Tokens.ops(org)).get("/api/shipments/" + shipment).then().statusCode(200).extract().path("orderId");
    }

    /** The amount at {@code path}, USD to the cent. */
    static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2);
    }
}
