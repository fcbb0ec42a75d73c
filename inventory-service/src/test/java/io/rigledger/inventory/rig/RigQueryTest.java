package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.inventory.fakes.FakeProcurement;
import io.rigledger.inventory.fakes.InjectFakeProcurement;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.register;
import static io.rigledger.inventory.Fleet.rig;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RigQueryTest {

    @InjectFakeProcurement
    FakeProcurement procurement;

    @Test
    void filtersBySiteStatusManufacturerOriginAndOrder() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 5);
        UUID order = procurement.hasOrder(org, 1, 2);
        String onOrder = (String) register(ops, "{\"serialNumber\":\"" + newSerial() + "\",\"model\":\"avalon-a1466\","
                + "\"originCountry\":\"US\",\"purchaseOrderId\":\"" + order + "\",\"orderLineNumber\":2}").get(0).get("id");
        String deployed = newRig(ops, "antminer-s21", "CN");
        deploy(ops, deployed, dal, "R1", 1);

        as(ops).queryParam("site", dal).get("/api/rigs").then().body("items.id", equalTo(List.of(deployed)));
        as(ops).queryParam("status", "RECEIVED").get("/api/rigs").then().body("items.id", equalTo(List.of(onOrder)));
        as(ops).queryParam("manufacturer", "CANAAN").get("/api/rigs").then().body("items.id", equalTo(List.of(onOrder)));
        as(ops).queryParam("originCountry", "CN").get("/api/rigs").then().body("items.id", equalTo(List.of(deployed)));
        as(ops).queryParam("purchaseOrderId", order.toString()).get("/api/rigs").then()
                .body("items.id", equalTo(List.of(onOrder))).body("items[0].orderLineNumber", equalTo(2));
        as(ops).queryParam("site", dal).queryParam("status", "RECEIVED").get("/api/rigs").then()
                .body("items.id", equalTo(List.of()));
        as(Tokens.ops(newOrg())).queryParam("site", dal).get("/api/rigs").then().body("items.id", equalTo(List.of()));
    }

    @Test
    void filtersByOneRackOfASiteAndARackWithoutItsSiteIs400NamingRack() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        String other = newCode();
        site(ops, dal, 1000);
        site(ops, other, 1000);
        rack(ops, dal, "R1", 5);
        rack(ops, dal, "R2", 5);
        rack(ops, other, "R1", 5);
        String first = newRig(ops, "antminer-s21", "CN");
        String second = newRig(ops, "antminer-s21", "MY");
        String nextRack = newRig(ops, "antminer-s21", "MY");
        String otherSite = newRig(ops, "antminer-s21", "MY");
        deploy(ops, first, dal, "R1", 1);
        deploy(ops, second, dal, "R1", 3);
        deploy(ops, nextRack, dal, "R2", 1);
        deploy(ops, otherSite, other, "R1", 1);

        as(ops).queryParam("site", dal).queryParam("rack", "R1").get("/api/rigs").then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second))).body("items.position.slot", equalTo(List.of(1, 3)));
        as(ops).queryParam("site", dal).queryParam("rack", "R2").get("/api/rigs").then().body("items.id", equalTo(List.of(nextRack)));
        as(ops).queryParam("site", other).queryParam("rack", "R1").get("/api/rigs").then().body("items.id", equalTo(List.of(otherSite)));
        as(ops).queryParam("site", dal).queryParam("rack", "R9").get("/api/rigs").then().body("items.id", equalTo(List.of()));
        as(Tokens.ops(newOrg())).queryParam("site", dal).queryParam("rack", "R1").get("/api/rigs").then()
                .body("items.id", equalTo(List.of()));
        as(ops).queryParam("rack", "R1").get("/api/rigs").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rack")));
    }

    @Test
    void lookupBySerialAndCurrentMacAndNoMacNeverMatches() {
        String ops = Tokens.ops(newOrg());
        String serial = newSerial();
        String id = (String) register(ops, "{\"serialNumber\":\"" + serial + "\",\"model\":\"antminer-s21\","
                + "\"originCountry\":\"MY\",\"mac\":\"0c:42:a1:7f:00:12\"}").get(0).get("id");
        register(ops, "{\"serialNumber\":\"" + newSerial() + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\","
                + "\"mac\":\"00:00:00:00:00:00\"}", rig(newSerial(), "antminer-s21", "MY"));

        as(ops).queryParam("serialNumber", serial).get("/api/rigs").then().body("items.id", equalTo(List.of(id)));
        as(ops).queryParam("mac", "0C:42:A1:7F:00:12").get("/api/rigs").then().body("items.id", equalTo(List.of(id)));
        as(ops).queryParam("mac", "00:00:00:00:00:00").get("/api/rigs").then().body("items.id", equalTo(List.of()));
    }

    @Test
    void pagingNeverSkipsOrRepeatsARigWhileRigsAreAddedAndMoved() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String dal = newCode();
        site(ops, dal, 1000);
        rack(ops, dal, "R1", 20);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            before.add(newRig(ops, "antminer-s21", "MY"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            RequestSpecification request = as(ops).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get("/api/rigs").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            // between pages: a new rig arrives and an already-listed and a not-yet-listed rig move
            newRig(ops, "antminer-s21", "MY");
            deploy(ops, before.get(page), dal, "R1", 1 + page * 2);
            deploy(ops, before.get(8 - page), dal, "R1", 2 + page * 2);
            page++;
        } while (cursor != null && page < 50);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no rig twice");
        assertEquals(before, seen.subList(0, before.size()), "every rig that existed, in asset id order");
    }

    @Test
    void theFilteredFleetExportsAsCsvWithAHeader() throws IOException {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String serial = newSerial();
        String id = (String) register(ops, "{\"serialNumber\":\"" + serial + "\",\"model\":\"antminer-s21-xp\","
                + "\"originCountry\":\"MY\",\"plant\":\"BITMAIN-MY\"}").get(0).get("id");
        newRig(ops, "avalon-a1466", "CN");
        as(Tokens.service("procurement-service")).body("{\"organisation\":\"" + org
                + "\",\"landedCost\":{\"price\":5120,\"duty\":1112.36,\"fees\":17.7}}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200);

        String csv = as(Tokens.finance(org)).accept("text/csv").queryParam("manufacturer", "BITMAIN")
                .get("/api/rigs/export").then().statusCode(200).contentType("text/csv").extract().asString();

        MappingIterator<Map<String, String>> parsed = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        List<Map<String, String>> rows = parsed.readAll();
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals(id, row.get("assetId"));
        assertEquals(serial, row.get("serialNumber"));
        assertEquals("BITMAIN-MY", row.get("plant"));
        assertEquals("RECEIVED", row.get("status"));
        assertEquals("5120.00", row.get("price"));
        assertEquals("17.70", row.get("fees"));
        assertEquals("6250.06", row.get("landedCost"));
        assertEquals(2, csv.split("\r\n", -1).length - 1, "RFC 4180: header and row each end with CRLF");
        assertEquals(-1, csv.replace("\r\n", "").indexOf('\n'), "no bare LF");
    }

    @Test
    void landedCostIsAnsweredWithTwoDecimalsPlainWhateverFormItWasSentIn() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String id = (String) register(ops, "{\"serialNumber\":\"" + newSerial() + "\",\"model\":\"antminer-s21-xp\","
                + "\"originCountry\":\"MY\",\"plant\":\"BITMAIN-MY\"}").get(0).get("id");
        as(Tokens.service("procurement-service")).body("{\"organisation\":\"" + org
                + "\",\"landedCost\":{\"price\":5.4E3,\"duty\":1.62E+4,\"fees\":0}}")
                .put("/api/rigs/" + id + "/landed-cost").then().statusCode(200);

        String body = as(Tokens.finance(org)).get("/api/rigs/" + id).then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"price\":5400.00"), body);
        assertTrue(body.contains("\"duty\":16200.00"), body);
        assertTrue(body.contains("\"fees\":0.00"), body);
        assertFalse(body.contains("E+"), body);
    }

    /**
     * The CSV export is streamed, not built in memory: for a fleet larger than the server's output buffer
     * (quarkus.rest.output-buffer-size, 8 KiB by default) the answer carries no Content-Length and is sent
     * with Transfer-Encoding: chunked, which a body built as one String or byte[] would not be
     * (RFC 9112 section 6; issue 7, review R-7 defect 3).
     */
    @Test
    void theExportIsStreamedInChunksWithoutAContentLength() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        int rigs = 400;
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < rigs; i++) {
            batch.add(rig(newSerial(), "antminer-s21", "MY"));
        }
        register(ops, batch.toArray(String[]::new));

        Response answer = as(Tokens.finance(org)).accept("text/csv").get("/api/rigs/export")
                .then().statusCode(200).contentType("text/csv").extract().response();
        String csv = answer.asString();
        assertEquals(rigs + 1, csv.split("\r\n").length, "header and every rig");
        assertTrue(csv.length() > 4 * 8192, "big enough to pass the output buffer: " + csv.length() + " chars");
        assertNull(answer.getHeader("Content-Length"), "a streamed answer cannot know its length up front");
        assertEquals("chunked", answer.getHeader("Transfer-Encoding"));
    }
}
