package io.rigledger.procurement.receipt;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.procurement.fakes.FakeTariffQuote;
import io.rigledger.procurement.order.RequoteJob;
import io.rigledger.testsupport.Tokens;
import io.rigledger.testsupport.arch.ScheduledJobs;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rigledger.procurement.receipt.ReceiptTest.as;
import static io.rigledger.procurement.receipt.ReceiptTest.newOrg;
import static io.rigledger.procurement.receipt.ReceiptTest.receive;
import static io.rigledger.procurement.receipt.ReceiptTest.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background jobs act across organisations with no caller, so no cell of the authorisation matrix
 * reaches them (fresh review R-11h D1: grouping the rig outbox by site code and sending it under the
 * first row's organisation put org A's rigs into org B's fleet, and every test passed). Each cell here
 * gives one job work of two organisations at once, with the SAME natural keys (serial numbers, site
 * code, supplier, model, plant, Idempotency-Key), runs it once and proves that every call to a
 * neighbour named the organisation whose data it carried (the fakes keep what they store by the
 * organisation a call names, as the real services do) and that every row it wrote is its own
 * organisation's. {@link #everyScheduledJobHasACell} finds every {@code @Scheduled} method of
 * procurement-service and the platform library and fails naming a job this class has no cell for.
 */
@QuarkusTest
class BackgroundJobsTenancyTest extends LandedCostTestBase {

    /** Each job ("Class.method" of its @Scheduled method) to the cell proving it keeps organisations apart. */
    static final Map<String, String> CELLS = Map.of(
            "RigDelivery.scheduled", "rigDeliveryRegistersEachOrganisationsRigsInThatOrganisationsFleet",
            "LandedCostRefresh.scheduled", "landedCostRefreshReadsEachOrganisationsEntryAndSetsItsOwnRigsCost",
            "RequoteJob.scheduled", "requoteAsksForEachOrganisationsQuoteAsThatOrganisation",
            "IdempotencyPurge.purge", "idempotencyPurgeDeletesOnlyExpiredRecordsWhateverTheOrganisationUsingTheSameKey",
            // the makers' models and plants, the same for every organisation: no organisation's data to keep apart
            "CatalogueRefresh.scheduled", "none needed (shared catalogue); its behaviour: order.CatalogueRefreshTest");

    @Inject
    RequoteJob requote;

    @Inject
    Idempotency idempotency;

    @Inject
    DataSource database;

    @Test
    void everyScheduledJobHasACell() {
        ScheduledJobs.eachHasACell(CELLS, "io.rigledger.procurement", "io.rigledger.platform");
    }

    /** One organisation's shipment and the receipt of all of it. */
    private record Received(String shipment, String receipt) {
    }

    /** Two organisations, each with a received shipment of SN-JOB-1 and SN-JOB-2 at site DAL1. */
    private static List<Received> twoOrganisationsReceived(String a, String b) {
        List<Received> received = new ArrayList<>();
        for (String org : List.of(a, b)) {
            String shipment = shipped(org, "JOB", 2);
            String receipt = receive(org, shipment, "{\"site\":\"DAL1\"}").then().statusCode(201).extract().header("Location");
            received.add(new Received(shipment, receipt));
        }
        return received;
    }

    @Test
    void rigDeliveryRegistersEachOrganisationsRigsInThatOrganisationsFleet() {
        String a = newOrg();
        String b = newOrg();
        List<Received> received = twoOrganisationsReceived(a, b);
        // one round takes both organisations' rows (the batch is larger than four)
        assertEquals(4, delivery.runOnce());
        for (int i = 0; i < 2; i++) {
            String org = i == 0 ? a : b;
            String order = orderOf(org, received.get(i).shipment());
            assertEquals(Map.of("BITMAIN|SN-JOB-1", 1, "BITMAIN|SN-JOB-2", 1), upstreams.registrations(org),
                    "rigs registered in " + (i == 0 ? "org A" : "org B") + "'s fleet");
            for (String serial : List.of("SN-JOB-1", "SN-JOB-2")) {
                assertEquals(order + "|1", upstreams.registeredOn(org, "BITMAIN", serial),
                        serial + " of " + org + " registered on another organisation's order");
            }
            JsonPath rigs = as(Tokens.finance(org)).get(received.get(i).receipt()).then().statusCode(200).extract().jsonPath();
            assertEquals(2, rigs.getList("rigs").size());
            for (int r = 0; r < 2; r++) {
                // the asset id the receipt recorded is the one this organisation's fleet gave the rig
                assertEquals(upstreams.assetOf(org, "BITMAIN", rigs.getString("rigs[" + r + "].serialNumber")),
                        rigs.getString("rigs[" + r + "].assetId"), "asset id recorded on " + org + "'s receipt");
            }
        }
        for (String body : upstreams.batchBodies()) {
            JsonPath sent = new JsonPath(body);
            String org = sent.getString("organisation");
            for (String order : sent.<String>getList("rigs.purchaseOrderId")) {
                assertEquals(org, ownerOf(UUID.fromString(order)), "a batch for " + org + " carried a rig of another's order");
            }
        }
    }

    @Test
    void landedCostRefreshReadsEachOrganisationsEntryAndSetsItsOwnRigsCost() {
        settleLandedCosts(); // what other tests left due
        String a = newOrg();
        String b = newOrg();
        List<Received> received = twoOrganisationsReceived(a, b);
        assertEquals(4, delivery.runOnce());
        refresh.runOnce(); // registration gave each rig its quote share
        int before = entries.landedCostChanges().size();
        // each organisation's entry (the same entry number) allocates its own duty: org A 100.00 a rig, org B 300.00
        String[] duty = {"100.00", "300.00"};
        for (int i = 0; i < 2; i++) {
            String org = i == 0 ? a : b;
            UUID order = UUID.fromString(orderOf(org, received.get(i).shipment()));
            UUID entry = UUID.randomUUID();
            String each = duty[i];
            String line = new BigDecimal(each).multiply(BigDecimal.valueOf(2)).toPlainString();
            entries.cover(org, order, entry, allocation(entry, order, 2, line, "0.00", "41.56",
                    "SN-JOB-1:" + each + ":20.78", "SN-JOB-2:" + each + ":20.78"));
        }
        assertEquals(4, refresh.runOnce());
        List<LoggedRequest> sent = entries.landedCostChanges().subList(before, entries.landedCostChanges().size());
        assertEquals(4, sent.size(), "one landed cost per rig of both organisations");
        for (LoggedRequest put : sent) {
            JsonPath body = new JsonPath(put.getBodyAsString());
            String org = body.getString("organisation");
            String asset = put.getUrl().replaceFirst("^/api/rigs/([^/]+)/landed-cost.*$", "$1");
            assertTrue(asset.equals(upstreams.assetOf(org, "BITMAIN", "SN-JOB-1")) || asset.equals(upstreams.assetOf(org, "BITMAIN", "SN-JOB-2")),
                    "landed cost of asset " + asset + " sent for " + org + ", whose fleet does not hold it");
            assertEquals(new BigDecimal(org.equals(a) ? duty[0] : duty[1]), money(body, "landedCost.duty"),
                    "rig " + asset + " of " + org + " given another organisation's allocation");
        }
        for (LoggedRequest lookup : entries.entryRequests()) {
            String order = lookup.queryParameter("purchaseOrderId").firstValue();
            String org = ownerOf(UUID.fromString(order));
            if (org.equals(a) || org.equals(b)) {
                assertEquals(org, lookup.getHeader("X-On-Behalf-Of-Org"), "the entries of " + org + "'s order asked for as another");
            }
        }
    }

    @Test
    void requoteAsksForEachOrganisationsQuoteAsThatOrganisation() {
        requote.runOnce(); // what other tests left due
        upstreams.tariffFails();
        String a = newOrg();
        String b = newOrg();
        List<String> orders = new ArrayList<>();
        for (String org : List.of(a, b)) {
            orders.add(as(Tokens.operator(org)).body("""
                    {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                     "transportMode":"OCEAN","destinationSite":"DAL1",
                     "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":2,"unitPrice":4000.00}]}""")
                    .post("/api/purchase-orders").then().statusCode(201).extract().path("id"));
        }
        upstreams.reset();
        circuits.resetAll();
        assertTrue(requote.runOnce() >= 2, "both organisations' PENDING estimates filled in");
        for (int i = 0; i < 2; i++) {
            String org = i == 0 ? a : b;
            String quote = as(Tokens.operator(org)).get("/api/purchase-orders/" + orders.get(i)).then().statusCode(200)
                    .extract().path("dutyEstimate.quoteId");
            assertTrue(FakeTariffQuote.quotesOf(org).contains(quote),
                    org + "'s order holds quote " + quote + ", which tariff-service made for another organisation");
        }
        for (LoggedRequest request : upstreams.quoteRequests()) {
            assertTrue(request.getHeader("X-On-Behalf-Of-Org") != null, "a quote asked for no organisation");
        }
    }

    @Test
    void idempotencyPurgeDeletesOnlyExpiredRecordsWhateverTheOrganisationUsingTheSameKey() throws SQLException {
        String a = newOrg();
        String b = newOrg();
        String key = "job-key-" + UUID.randomUUID();
        for (String org : List.of(a, b)) {
            as(Tokens.operator(org)).header("Idempotency-Key", key).body("""
                    {"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
                     "transportMode":"OCEAN","destinationSite":"DAL1",
                     "lines":[{"sku":"antminer-s21","plant":"BITMAIN-MY","quantity":1,"unitPrice":4000.00}]}""")
                    .post("/api/purchase-orders").then().statusCode(201);
        }
        try (Connection c = database.getConnection();
             PreparedStatement expire = c.prepareStatement(
                     "update idempotency_record set expires_at = now() - interval '1 minute' where org = ? and idem_key = ?")) {
            expire.setString(1, a);
            expire.setString(2, key);
            assertEquals(1, expire.executeUpdate());
        }
        idempotency.purgeExpired(); // what IdempotencyPurge.purge runs
        assertEquals(0, records(a, key), "org A's expired record stays");
        assertEquals(1, records(b, key), "org B's record under the same key, not expired, was deleted with org A's");
    }

    private long records(String org, String key) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from idempotency_record where org = ? and idem_key = ?")) {
            count.setString(1, org);
            count.setString(2, key);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The organisation of a purchase order, from the table (null: none). */
    private String ownerOf(UUID order) {
        try (Connection c = database.getConnection();
             PreparedStatement read = c.prepareStatement("select org from purchase_order where id = ?")) {
            read.setObject(1, order);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
