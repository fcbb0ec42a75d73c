package io.rigledger.console.fleet;

import com.atlassian.oai.validator.model.Request.Method;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.rigledger.console.SignIn;
import io.rigledger.console.fakes.FakeApis;
import io.rigledger.console.fakes.FakeApis.Api;
import io.rigledger.console.fakes.InjectFakeApis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FleetPagesTest {

    static final String RIG = """
            {"id":"RIG-000000007","manufacturer":"BITMAIN","serialNumber":"SMTTH2502001","model":"antminer-s21-xp",
             "plant":"BITMAIN-MY","originCountry":"MY","status":"DEPLOYED",
             "position":{"site":"DAL1","row":"A","rack":"R01","slot":2},"mac":"0c:42:a1:7f:00:12",
             "landedCost":{"price":5400.00,"duty":1350.00,"fees":18.71},"registeredAt":"2026-11-01T10:00:00Z"}""";

    @OidcWireMock
    WireMockServer oidc;

    @InjectFakeApis
    FakeApis apis;

    SignIn.Session oscar;

    @BeforeEach
    void signIn() {
        apis.reset();
        oscar = SignIn.as(oidc, "/", "oscar", "northwind", "ops");
    }

    @AfterEach
    void keptToTheContracts() {
        assertEquals(List.of(), apis.contractBreaches());
    }

    @Test
    void fleetSummaryShowsSitesAndStatusesWithTheChartsData() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/fleet/summary")).withQueryParam("groupBy", equalTo("site,status")),
                "/api/fleet/summary", Method.GET, """
                        {"groupBy":["site","status"],"groups":[
                         {"key":{"site":"DAL1","status":"DEPLOYED"},"figures":{"rigCount":10,"hashrateThs":2700,"powerKw":36.450,
                          "efficiencyJth":13.50,"landedCost":67687.10,"usMadeRigCount":0,"usMadeSharePercent":0.00}}],
                         "totals":{"rigCount":10,"hashrateThs":2700,"powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,
                          "usMadeRigCount":0,"usMadeSharePercent":0.00}}""");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/fleet/summary")).withQueryParam("groupBy", equalTo("site")),
                "/api/fleet/summary", Method.GET, """
                        {"groupBy":["site"],"groups":[{"key":{"site":"DAL1"},"figures":{"rigCount":10,"hashrateThs":2700,
                         "powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,"usMadeRigCount":0,"usMadeSharePercent":0.00}}],
                         "totals":{"rigCount":10,"hashrateThs":2700,"powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,
                          "usMadeRigCount":0,"usMadeSharePercent":0.00}}""");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/fleet/summary")).withQueryParam("groupBy", equalTo("originCountry")),
                "/api/fleet/summary", Method.GET, """
                        {"groupBy":["originCountry"],"groups":[{"key":{"originCountry":"MY"},"figures":{"rigCount":10,"hashrateThs":2700,
                         "powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,"usMadeRigCount":0,"usMadeSharePercent":0.00}}],
                         "totals":{"rigCount":10,"hashrateThs":2700,"powerKw":36.450,"efficiencyJth":13.50,"landedCost":67687.10,
                          "usMadeRigCount":0,"usMadeSharePercent":0.00}}""");

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

    @Test
    void aSitesRacksAreAGridOfPositionsByStatus() {
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/sites/DAL1/racks")), "/api/sites/DAL1/racks", Method.GET, """
                {"items":[{"site":"DAL1","row":"A","code":"R01","slots":3,"occupied":1}]}""");
        apis.json(Api.INVENTORY, get(urlPathEqualTo("/api/rigs")).withQueryParam("site", equalTo("DAL1")), "/api/rigs",
                Method.GET, "{\"items\":[" + RIG + "]}");

        given().cookies(oscar.cookies()).get("/fleet/sites/DAL1/racks").then().statusCode(200)
                .body(containsString("Row A, rack R01"))
                .body(containsString("<li class=\"slot DEPLOYED\" data-slot=\"2\""))
                .body(containsString("<li class=\"slot \" data-slot=\"3\""));
    }
}
