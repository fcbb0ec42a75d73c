package io.rigledger.console.fleet;

import com.atlassian.oai.validator.model.Request.Method;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.console.PageTestBase;
import io.rigledger.console.SignIn;
import io.rigledger.console.fakes.FakeApis.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FleetPagesTest extends PageTestBase {

    static final String RIG = """
            {"id":"RIG-000000007","manufacturer":"BITMAIN","serialNumber":"SMTTH2502001","model":"antminer-s21-xp",
             "plant":"BITMAIN-MY","originCountry":"MY","status":"DEPLOYED",
             "position":{"site":"DAL1","row":"A","rack":"R01","slot":2},"mac":"0c:42:a1:7f:00:12",
             "landedCost":{"price":5400.00,"duty":1350.00,"fees":18.71},"registeredAt":"2026-11-01T10:00:00Z"}""";

    /** The figures of the one group (10 rigs at DAL1, all from MY) and of the totals of each summary. */
    static final String FIGURES = """
            {"rigCount":10,"hashrateThs":2700,"powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,
             "usMadeRigCount":0,"usMadeSharePercent":0.00}""";

    SignIn.Session oscar;

    @BeforeEach
    void signIn() {
        oscar = SignIn.as(oidc, "/", "oscar", "northwind", "ops");
    }

    @Test
    void fleetSummaryShowsSitesAndStatusesWithTheChartsData() {
        summaryOfOneGroup("site,status", """
                {"site":"DAL1","status":"DEPLOYED"}""");
        summaryOfOneGroup("site", """
                {"site":"DAL1"}""");
        summaryOfOneGroup("originCountry", """
                {"originCountry":"MY"}""");

        given().cookies(oscar.cookies()).get("/fleet").then().statusCode(200)
                .body(containsString("<td>DAL1</td><td>DEPLOYED</td>"))
                .body(containsString("data-value=\"36.450\">36.450</td>"))
                .body(containsString("\"labels\":[\"DAL1\"]"))
                .body(containsString("\"labels\":[\"MY\"]"))
                .body(containsString("/webjars/chart.js/4.4.1/dist/chart.umd.js"));
    }

    @Test
    void chartJsIsServedByTheConsoleItself() {
        given().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200).body(containsString("Chart"));
    }

    @Test
    void aRigIsLookedUpByAssetIdWithItsHistory() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs/RIG-000000007")), "/api/rigs/RIG-000000007", Method.GET, RIG);
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs/RIG-000000007/history")), "/api/rigs/RIG-000000007/history",
                Method.GET, """
                        {"items":[{"kind":"REGISTERED","at":"2026-11-01T10:00:00Z","by":"service-account-procurement-service",
                          "to":{"status":"RECEIVED"}},
                         {"kind":"MOVED","at":"2026-11-02T10:00:00Z","by":"oscar","from":{"status":"RECEIVED"},
                          "to":{"status":"DEPLOYED","position":{"site":"DAL1","row":"A","rack":"R01","slot":2}}}]}""");

        given().cookies(oscar.cookies()).get("/fleet/rigs?q=RIG-000000007").then().statusCode(200)
                .body(containsString("<dd id=\"rig-status\">DEPLOYED</dd>"))
                .body(containsString("DEPLOYED, at DAL1 A/R01 slot 2"))
                .body(containsString("<td>oscar</td>"));
    }

    @Test
    void aRigIsLookedUpBySerialOrByMac() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")).withQueryParam("serialNumber", equalTo("SMTTH2502001")),
                "/api/rigs", Method.GET, "{\"items\":[" + RIG + "]}");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")).withQueryParam("mac", equalTo("0c:42:a1:7f:00:12")),
                "/api/rigs", Method.GET, "{\"items\":[" + RIG + "]}");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs/RIG-000000007/history")), "/api/rigs/RIG-000000007/history",
                Method.GET, "{\"items\":[]}");

        given().cookies(oscar.cookies()).get("/fleet/rigs?q=SMTTH2502001").then().statusCode(200)
                .body(containsString("<h2 id=\"rig-id\">RIG-000000007</h2>"));
        given().cookies(oscar.cookies()).get("/fleet/rigs?q=0c:42:a1:7f:00:12").then().statusCode(200)
                .body(containsString("<h2 id=\"rig-id\">RIG-000000007</h2>"));
    }

    @Test
    void anUnknownRigIsSaidSo() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")), "/api/rigs", Method.GET, "{\"items\":[]}");
        apis.problem(Api.INVENTORY, get(urlPathEqualTo("/api/rigs/RIG-000000099")), "/api/rigs/RIG-000000099", Method.GET, 404,
                "Not Found", "no rig RIG-000000099");

        given().cookies(oscar.cookies()).get("/fleet/rigs?q=NOSUCHSERIAL").then().statusCode(200).body(containsString("id=\"not-found\""));
        given().cookies(oscar.cookies()).get("/fleet/rigs?q=RIG-000000099").then().statusCode(200).body(containsString("id=\"not-found\""));
    }

    /** inventory-service's refusal names listRigs' serialNumber; the page names the field the person typed into (R-13b D7). */
    @Test
    void aRefusedLookupNamesTheFieldThePersonTypedInto() {
        apis.problem(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")), "/api/rigs", Method.GET, 400,
                "Bad Request", "serialNumber must start with the maker's prefix");

        String page = given().cookies(oscar.cookies()).get("/fleet/rigs?q=x").then().statusCode(400).extract().asString();
        assertTrue(page.contains("q (Asset id, maker&#39;s serial or MAC) must start with the maker&#39;s prefix"), page);
        assertFalse(page.contains("serialNumber"), page);
    }

    @Test
    void aSitesRacksAreListedWithTheirCountsEachALinkToItsGrid() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/sites/DAL1/racks")), "/api/sites/DAL1/racks", Method.GET, """
                {"items":[{"site":"DAL1","row":"A","code":"R01","slots":3,"occupied":1},
                          {"site":"DAL1","row":"B","code":"R02","slots":50,"occupied":48}]}""");

        given().cookies(oscar.cookies()).get("/fleet/sites/DAL1/racks").then().statusCode(200)
                .body(containsString("<a href=\"/fleet/sites/DAL1/racks/R01\">R01</a>"))
                .body(containsString("<a href=\"/fleet/sites/DAL1/racks/R02\">R02</a>"))
                .body(containsString("data-value=\"48\">48</td>"));
        assertEquals(1, apis.requests(Api.INVENTORY).size(), "the list alone: no rig is read");
    }

    @Test
    void aRackIsAGridOfPositionsByStatusFromOneListRigsPageOfThatRack() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/sites/DAL1/racks")), "/api/sites/DAL1/racks", Method.GET, """
                {"items":[{"site":"DAL1","row":"A","code":"R01","slots":3,"occupied":1}]}""");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")).withQueryParam("site", equalTo("DAL1"))
                .withQueryParam("rack", equalTo("R01")), "/api/rigs", Method.GET, "{\"items\":[" + RIG + "]}");

        given().cookies(oscar.cookies()).get("/fleet/sites/DAL1/racks/R01").then().statusCode(200)
                .body(containsString("Row A, rack R01"))
                .body(containsString("<li class=\"slot DEPLOYED\" data-slot=\"2\""))
                .body(containsString("<li class=\"slot \" data-slot=\"3\""));
        assertEquals(1, apis.requests(Api.INVENTORY).stream().filter(r -> r.getUrl().startsWith("/api/rigs")).count(),
                "one listRigs page");
    }

    @Test
    void aRackTheSiteDoesNotHaveIs404() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/sites/DAL1/racks")), "/api/sites/DAL1/racks", Method.GET, """
                {"items":[{"site":"DAL1","row":"A","code":"R01","slots":3,"occupied":1}]}""");

        given().cookies(oscar.cookies()).get("/fleet/sites/DAL1/racks/R99").then().statusCode(404)
                .body(containsString("site DAL1 has no rack R99"));
    }

    /** inventory-service's summary by {@code groupBy} (comma-separated) is one group, {@code key}, of {@link #FIGURES}. */
    private void summaryOfOneGroup(String groupBy, String key) {
        String dimensions = Arrays.stream(groupBy.split(",")).map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/fleet/summary")).withQueryParam("groupBy", equalTo(groupBy)),
                "/api/fleet/summary", Method.GET, """
                        {"groupBy":[%s],"groups":[{"key":%s,"figures":%s}],"totals":%s}"""
                        .formatted(dimensions, key, FIGURES, FIGURES));
    }
}
