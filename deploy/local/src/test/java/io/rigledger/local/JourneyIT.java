package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.rigledger.local.Calls.MONEY;
import static io.rigledger.local.Calls.json;
import static io.rigledger.local.Calls.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole journey of issue 11 across the three packaged services, real Keycloak and PostgreSQL
 * (one stack for the run, {@link LocalStackExtension}): alice orders five rigs from Bitmain's
 * Malaysian and Chinese plants, submits, confirms and ships them by serial; fiona files the
 * customs entry for the order's lines and shipment and pays it; alice receives the rigs at a site;
 * they appear in inventory once each with plant, origin and landed cost; oscar racks them; the
 * fleet summary counts them; fiona's reconciliation agrees per layer with the quote and the entry
 * to the cent; CBP's origin audit re-bills the Malaysian line as Chinese; the entry (dated 2025)
 * is in the CAPE export; bob of another organisation (and its finance and ops people) gets the 404 of
 * a made-up id on every id, lists none of it and changes none of it ({@link JourneyBob}). The entry
 * date is 2025-09-15, when IEEPA duty was collected.
 *
 * <p>Each step checks amounts to the cent against the step before it (quote, entry, rigs) and
 * against the contracts' stated arithmetic, not only status codes; the rigs' landed duty is the
 * entry's paid duty, and the origin audit's difference reaches the Malaysian rigs.
 */
@ExtendWith(LocalStackExtension.class)
class JourneyIT {

    static final String ENTRY_DATE = "2025-09-15";
    static final String EXPORT_DATE = "2025-08-01";

    /**
     * The journey's rigs once the whole journey has passed in this run (null before): the console's browser
     * tests look at the same data instead of making it again ({@link ConsoleData}).
     */
    static volatile JourneyRigs finished;

    private static Calls calls;

    @BeforeAll
    static void stack(LocalStack stack) {
        calls = new Calls(stack.settings());
    }

    @Test
    void rigsTravelFromOrderToRackWithEveryDutyCentAgreeingAcrossTheThreeServices() throws Exception {
        Journey j = new Journey(calls, Calls.runId());

        j.oscarBuildsASiteWithARack();
        j.aliceOrdersFromAMalaysianAndAChinesePlant();
        assertQuoteArithmetic(j);
        j.aliceSubmitsConfirmsAndShips();
        j.fionaFilesTheEntryAndPaysIt();
        assertEntryAsDeclared(j);
        j.aliceReceivesTheShipment();

        JourneyRigs rigs = new JourneyRigs(calls, j);
        rigs.appearInInventoryOnceEachWithPlantOriginAndPrice();
        rigs.carryTheEntrysAllocatedDutyToTheCent();
        rigs.oscarDeploysThemAndTheFleetSummaryCountsThem();

        JourneyFinance finance = new JourneyFinance(calls, j, rigs);
        finance.reconciliationShowsEstimateDeclaredAndPaidPerLayer();
        finance.originAuditReBillsTheMalaysianLineAsChinese();
        finance.ieepaPartIsInTheCapeExport();

        finished = rigs;

        JourneyBob bob = new JourneyBob(calls, rigs);
        bob.southpeakHasASiteAndAnOrderOfItsOwn();
        bob.getsTheSame404AsAMadeUpIdOnEveryId();
        bob.listsNoneOfNorthwindsData();
        bob.writesToNorthwindsIdsAnswer404AndChangeNothing();
    }

    /** The stored quote's layers follow the contract: HALF_UP(basis x rate / 100), lines add up. */
    private static void assertQuoteArithmetic(Journey j) {
        JsonNode quote = j.quote;
        BigDecimal duty = BigDecimal.ZERO;
        for (JsonNode line : quote.get("lines")) {
            BigDecimal lineDuty = BigDecimal.ZERO;
            for (JsonNode part : line.get("parts")) {
                for (JsonNode layer : part.get("layers")) {
                    BigDecimal expected = Calls.cents(layer.get("basis").decimalValue()
                            .multiply(layer.get("ratePercent").decimalValue()).movePointLeft(2));
                    assertEquals(0, expected.compareTo(layer.get("amount").decimalValue()),
                            "line " + line.get("lineNumber") + " " + layer.get("program") + ": " + layer);
                    lineDuty = lineDuty.add(layer.get("amount").decimalValue());
                }
            }
            assertEquals(0, lineDuty.compareTo(line.get("dutyAmount").decimalValue()), "line duty " + line);
            duty = duty.add(lineDuty);
        }
        assertEquals(0, duty.compareTo(money(quote, "/totalDuty")), "quote totalDuty");
        assertEquals(0, money(j.order, "/dutyEstimate/totalDuty").compareTo(duty), "order's estimate = quote");
        assertEquals(0, money(j.order, "/dutyEstimate/totalFees").compareTo(money(quote, "/totalFees")));
        assertEquals(0, new BigDecimal("23501.00").compareTo(money(quote, "/totalCustomsValue")));
        // MPF 0.3464 % and HMF 0.125 % of 23,501.00 (inside FY2025's MPF minimum and maximum)
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        quote.get("fees").forEach(f -> fees.put(f.get("type").asText(), f.get("amount").decimalValue()));
        assertEquals(0, new BigDecimal("81.41").compareTo(fees.get("MPF")), "MPF of " + quote.get("fees"));
        assertEquals(0, new BigDecimal("29.38").compareTo(fees.get("HMF")), "HMF of " + quote.get("fees"));
        boolean ieepa = false;
        for (JsonNode line : quote.get("lines")) {
            ieepa |= Journey.layers(line).stream().anyMatch(l -> l.get("program").asText().startsWith("IEEPA"));
        }
        assertTrue(ieepa, "an entry dated " + ENTRY_DATE + " carries IEEPA duty: " + quote);
    }

    /**
     * The entry as filed: the declared duty and fees are the amounts sent (the Malaysian line on its
     * lower invoice value), below the quote's, and the engine computes the same (difference 0).
     */
    private static void assertEntryAsDeclared(Journey j) {
        JsonNode totals = j.entry.at("/summary/totals");
        BigDecimal duty = j.declared(p -> true);
        assertEquals(0, money(totals, "/declaredDuty").compareTo(duty), "declared duty " + totals);
        assertEquals(0, money(totals, "/declaredFees").compareTo(j.declaredFees()), "declared fees " + totals);
        assertTrue(duty.compareTo(money(j.quote, "/totalDuty")) < 0, "the credit lowers the duty below the estimate");
        assertEquals(0, money(totals, "/dutyDifference").signum(), "engine agrees with the declared duty: " + totals);
        assertEquals(0, money(totals, "/feesDifference").signum(), "engine agrees with the declared fees: " + totals);
        assertEquals("PAID", j.entry.get("status").asText());
        assertEquals(0, money(j.entry, "/paid").compareTo(duty.add(j.declaredFees())), "paid in full");
    }

    /** Serials of one order line of the journey. */
    static List<String> serials(String run, String plant, int count) {
        List<String> s = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            s.add("J" + run + plant + i);
        }
        return s;
    }

    /** The JSON array of {@code values}. */
    static ArrayNode array(List<String> values) {
        ArrayNode a = MONEY.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static ObjectNode object() {
        return MONEY.createObjectNode();
    }

    static JsonNode ok(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        return json(r);
    }
}
