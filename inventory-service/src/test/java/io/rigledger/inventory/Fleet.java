package io.rigledger.inventory;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.inventory.InventoryTestResources.CONTRACT;

/**
 * Test data that never clashes between tests or runs: every test makes its own organisation and
 * serial numbers, so tests do not depend on each other or on their order.
 */
public final class Fleet {

    private Fleet() {
    }

    /** A fresh organisation, valid under the realm's org rule. */
    public static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    /** A fresh maker-style serial number. */
    public static String newSerial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase(Locale.ROOT);
    }

    /** Requests and answers both checked against the contract. */
    public static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** For deliberately bad requests: only the answer is checked against the contract. */
    public static RequestSpecification badlyAs(String token) {
        RequestSpecification spec = given().filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public static String rig(String serial, String model, String origin) {
        return "{\"serialNumber\":\"" + serial + "\",\"model\":\"" + model + "\",\"originCountry\":\"" + origin + "\"}";
    }

    /** A fresh site or rack code. */
    public static String newCode() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Creates a site (must succeed) with this capacity in kW. */
    public static void site(String opsToken, String code, int capacityKw) {
        as(opsToken).body("{\"name\":\"Hall " + code + "\",\"state\":\"TX\",\"capacityKw\":" + capacityKw + "}")
                .put("/api/sites/" + code).then().statusCode(200);
    }

    /** Creates a rack with this many slots in row A of a site (must succeed). */
    public static void rack(String opsToken, String site, String rack, int slots) {
        as(opsToken).body("{\"row\":\"A\",\"slots\":" + slots + "}")
                .put("/api/sites/" + site + "/racks/" + rack).then().statusCode(200);
    }

    /** A position as the contract writes it. */
    public static String position(String site, String rack, int slot) {
        return "{\"site\":\"" + site + "\",\"rack\":\"" + rack + "\",\"slot\":" + slot + "}";
    }

    /** Registers one rig and answers its asset id. */
    public static String newRig(String token, String model, String origin) {
        return (String) register(token, rig(newSerial(), model, origin)).get(0).get("id");
    }

    /** Deploys one rig to a position (must succeed). */
    public static void deploy(String opsToken, String assetId, String site, String rack, int slot) {
        as(opsToken).body("{\"to\":\"DEPLOYED\",\"position\":" + position(site, rack, slot) + "}")
                .post("/api/rigs/" + assetId + "/transitions").then().statusCode(200);
    }

    public static String registration(String... rigs) {
        return "{\"rigs\":[" + String.join(",", rigs) + "]}";
    }

    public static String registration(List<String> rigs) {
        return registration(rigs.toArray(String[]::new));
    }

    /** Registers rigs (must succeed) and returns the answer's items. */
    public static List<Map<String, Object>> register(String token, String... rigs) {
        return as(token).body(registration(rigs)).post("/api/rigs")
                .then().statusCode(201).extract().jsonPath().getList("items");
    }

    /** Every rig the token's organisation can see, following nextCursor page by page. */
    public static List<Map<String, Object>> listAll(String token, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification req = as(token).queryParam("limit", limit);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/rigs").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (++pages > 10_000) {
                throw new AssertionError("paging does not end");
            }
        } while (cursor != null);
        return all;
    }

    public static List<String> serials(List<Map<String, Object>> rigs) {
        return rigs.stream().map(r -> (String) r.get("serialNumber")).toList();
    }
}
