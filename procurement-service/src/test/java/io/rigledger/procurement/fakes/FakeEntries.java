package io.rigledger.procurement.fakes;

import com.atlassian.oai.validator.model.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * tariff-service's customs entries covering a purchase order (listEntries with purchaseOrderId) and
 * their allocation (getEntryAllocation), and inventory-service's setRigLandedCost, faked on
 * {@link FakeUpstreams}' servers. Every stubbed body is validated against the producer's contract
 * when stubbed; what procurement-service sends is validated by {@link FakeUpstreams#contractBreaches()}.
 */
public final class FakeEntries {

    public static final String ENTRIES = "/api/entries";
    public static final String LANDED_COST = "/api/rigs/[^/]+/landed-cost";

    private static final int OVERRIDE = 1;
    private static final int NORMAL = 10;
    private static final String JSON = "application/json";
    private static final String ON_BEHALF_OF = "X-On-Behalf-Of-Org";
    /** What inventory-service answers a landed-cost change with: the rig (its contents do not matter to procurement). */
    private static final String RIG = """
            {"id":"RIG-000000001","manufacturer":"BITMAIN","serialNumber":"SN-1","model":"antminer-s21","originCountry":"MY",
             "status":"RECEIVED","registeredAt":"2026-12-16T14:05:00Z"}""";

    private final FakeUpstreams upstreams;

    FakeEntries(FakeUpstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** No entry covers any order; every landed-cost change is accepted. */
    static void stubDefaults(FakeUpstreams upstreams) {
        String empty = "{\"items\":[]}";
        FakeUpstreams.requireValid(upstreams.tariffContract(), ENTRIES, Request.Method.GET, 200, empty, JSON);
        upstreams.tariff.stubFor(FakeUpstreams.authenticated(get(urlPathEqualTo(ENTRIES))).atPriority(NORMAL)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(empty)));
        FakeUpstreams.requireValid(upstreams.inventoryContract(), "/api/rigs/RIG-000000001/landed-cost", Request.Method.PUT, 200, RIG, JSON);
        upstreams.inventory.stubFor(FakeUpstreams.authenticated(put(urlPathMatching(LANDED_COST))).atPriority(NORMAL)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(RIG)));
    }

    /**
     * Entry {@code entryId} covers order {@code orderId}: listed for it, with this allocation (replacing
     * an earlier one, as a correction or an origin audit does).
     */
    public void cover(UUID orderId, UUID entryId, String allocationJson) {
        String page = """
                {"items":[{"id":"%s","entryNumber":"123-4567890-1","entryDate":"2026-12-15","status":"FILED","summaryVersion":1}]}"""
                .formatted(entryId);
        FakeUpstreams.requireValid(upstreams.tariffContract(), ENTRIES, Request.Method.GET, 200, page, JSON);
        upstreams.tariff.stubFor(FakeUpstreams.authenticated(get(urlPathEqualTo(ENTRIES)))
                .withQueryParam("purchaseOrderId", equalTo(orderId.toString())).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(page)));
        String path = ENTRIES + "/" + entryId + "/allocation";
        FakeUpstreams.requireValid(upstreams.tariffContract(), path, Request.Method.GET, 200, allocationJson, JSON);
        upstreams.tariff.stubFor(FakeUpstreams.authenticated(get(urlPathEqualTo(path))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(allocationJson)));
    }

    /**
     * As {@link #cover(UUID, UUID, String)}, but the entry is {@code org}'s, as tariff-service keeps it: listed and
     * allocated only to procurement-service acting for {@code org} (X-On-Behalf-Of-Org); acting for another
     * organisation it lists no entry for the order (fresh review R-11h D1: a job sending under the wrong
     * organisation is answered as tariff-service would answer it).
     */
    public void cover(String org, UUID orderId, UUID entryId, String allocationJson) {
        String page = """
                {"items":[{"id":"%s","entryNumber":"123-4567890-1","entryDate":"2026-12-15","status":"FILED","summaryVersion":1}]}"""
                .formatted(entryId);
        FakeUpstreams.requireValid(upstreams.tariffContract(), ENTRIES, Request.Method.GET, 200, page, JSON);
        upstreams.tariff.stubFor(FakeUpstreams.authenticated(get(urlPathEqualTo(ENTRIES)))
                .withQueryParam("purchaseOrderId", equalTo(orderId.toString())).withHeader(ON_BEHALF_OF, equalTo(org))
                .atPriority(OVERRIDE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(page)));
        String path = ENTRIES + "/" + entryId + "/allocation";
        FakeUpstreams.requireValid(upstreams.tariffContract(), path, Request.Method.GET, 200, allocationJson, JSON);
        upstreams.tariff.stubFor(FakeUpstreams.authenticated(get(urlPathEqualTo(path))).withHeader(ON_BEHALF_OF, equalTo(org))
                .atPriority(OVERRIDE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(allocationJson)));
    }

    /** inventory-service refuses every landed-cost change of asset {@code assetId} (409, the rig's state does not allow it). */
    public void refuseLandedCostOf(String assetId) {
        String path = "/api/rigs/" + assetId + "/landed-cost";
        String problem = """
                {"type":"https://rigledger.io/problems/conflict","title":"Conflict","status":409,
                 "detail":"rig %s cannot take a landed cost now"}""".formatted(assetId);
        FakeUpstreams.requireValid(upstreams.inventoryContract(), path, Request.Method.PUT, 409, problem, "application/problem+json");
        upstreams.inventory.stubFor(FakeUpstreams.authenticated(put(urlPathEqualTo(path))).atPriority(OVERRIDE)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody(problem)));
    }

    /** inventory-service takes asset {@code assetId}'s landed-cost changes again (after {@link #refuseLandedCostOf}). */
    public void acceptLandedCostOf(String assetId) {
        upstreams.inventory.stubFor(FakeUpstreams.authenticated(put(urlPathEqualTo("/api/rigs/" + assetId + "/landed-cost")))
                .atPriority(OVERRIDE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(RIG)));
    }

    /** The landed-cost changes procurement-service sent inventory-service, oldest first. */
    public List<LoggedRequest> landedCostChanges() {
        return upstreams.inventory.findAll(putRequestedFor(urlPathMatching(LANDED_COST)));
    }

    /** Forgets the landed-cost changes logged so far, so a test counts only what it makes procurement-service send. */
    public void forgetLandedCostChanges() {
        upstreams.inventory.removeServeEventsMatching(putRequestedFor(urlPathMatching(LANDED_COST)).build());
    }

    /** The requests for the entries covering an order, oldest first. */
    public List<LoggedRequest> entryRequests() {
        return upstreams.tariff.findAll(getRequestedFor(urlPathEqualTo(ENTRIES)));
    }

    /** Requests for the entries covering an order. */
    public int entryLookups() {
        return upstreams.tariff.findAll(getRequestedFor(urlPathEqualTo(ENTRIES))).size();
    }
}
