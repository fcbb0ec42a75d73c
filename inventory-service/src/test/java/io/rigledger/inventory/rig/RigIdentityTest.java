package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.register;
import static io.rigledger.inventory.Fleet.registration;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rig's current MAC is unique per organisation whatever its case; replays draw no asset ids. */
@QuarkusTest
class RigIdentityTest {

    private static String rigWithMac(String serial, String mac) {
        return "{\"serialNumber\":\"" + serial + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\""
                + (mac == null ? "" : ",\"mac\":\"" + mac + "\"") + "}";
    }

    private static String batch(String... rigs) {
        return registration(rigs);
    }

    @Test
    void aMacDifferingOnlyInCaseFromAnotherRigsCurrentMacIs409OnEveryWayItCanBeWritten() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String holder = (String) register(ops, rigWithMac(newSerial(), "0c:42:a1:7f:00:12")).get(0).get("id");

        badlyAs(ops).body(registration(rigWithMac(newSerial(), "0C:42:A1:7F:00:12"))).post("/api/rigs").then()
                .statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[0].mac")))
                .body("violations[0].message", containsString(holder));
        badlyAs(ops).body(batch(rigWithMac(newSerial(), null), rigWithMac(newSerial(), "0C:42:a1:7F:00:12")))
                .post("/api/rigs/batch").then().statusCode(409)
                .body("violations.field", equalTo(List.of("rigs[1].mac")));
        String other = (String) register(ops, rigWithMac(newSerial(), "0c:42:a1:7f:00:13")).get(0).get("id");
        badlyAs(ops).body("{\"mac\":\"0C:42:A1:7F:00:12\"}").put("/api/rigs/" + other + "/mac").then()
                .statusCode(409).body("violations.field", equalTo(List.of("mac")));
        assertEquals(2, listAll(ops, 100).size(), "nothing registered by the refused calls");

        // another organisation may hold the same MAC
        register(Tokens.ops(newOrg()), rigWithMac(newSerial(), "0C:42:A1:7F:00:12"));
        // a RETIRED rig no longer holds its MAC
        as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + holder + "/transitions").then().statusCode(200);
        as(ops).body("{\"mac\":\"0C:42:A1:7F:00:12\"}").put("/api/rigs/" + other + "/mac").then().statusCode(200);
    }

    @Test
    void aMacLookupFindsOnlyTheRigHoldingItNowNeverARetiredOne() {
        String ops = Tokens.ops(newOrg());
        String retired = (String) register(ops, rigWithMac(newSerial(), "0c:42:a1:7f:01:12")).get(0).get("id");
        as(ops).queryParam("mac", "0C:42:A1:7F:01:12").get("/api/rigs").then().statusCode(200)
                .body("items.id", equalTo(List.of(retired)));
        as(ops).body("{\"to\":\"RETIRED\"}").post("/api/rigs/" + retired + "/transitions").then().statusCode(200);
        as(ops).queryParam("mac", "0c:42:a1:7f:01:12").get("/api/rigs").then().statusCode(200)
                .body("items", equalTo(List.of()));

        String holder = (String) register(ops, rigWithMac(newSerial(), "0c:42:a1:7f:01:12")).get(0).get("id");
        as(ops).queryParam("mac", "0c:42:a1:7f:01:12").get("/api/rigs").then().statusCode(200)
                .body("items.id", equalTo(List.of(holder)));
        as(ops).get("/api/rigs/" + retired).then().statusCode(200).body("mac", equalTo("0c:42:a1:7f:01:12"));
    }

    @Test
    void aMacRepeatedInsideOneRequestIs400AndNoMacNeverMatches() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        badlyAs(ops).body(registration(rigWithMac(newSerial(), "0c:42:a1:7f:00:20"),
                        rigWithMac(newSerial(), "0C:42:A1:7F:00:20"))).post("/api/rigs").then()
                .statusCode(400).body("violations.field", equalTo(List.of("rigs[1].mac")));
        badlyAs(ops).body(batch(rigWithMac(newSerial(), "0c:42:a1:7f:00:20"),
                        rigWithMac(newSerial(), "0C:42:A1:7F:00:20"))).post("/api/rigs/batch").then()
                .statusCode(400).body("violations.field", equalTo(List.of("rigs[1].mac")));

        register(ops, rigWithMac(newSerial(), "00:00:00:00:00:00"), rigWithMac(newSerial(), "00:00:00:00:00:00"),
                rigWithMac(newSerial(), null));
        as(ops).body(batch(rigWithMac(newSerial(), "00:00:00:00:00:00"), rigWithMac(newSerial(), null)))
                .post("/api/rigs/batch").then().statusCode(200).body("registered", equalTo(2));
        assertEquals(5, listAll(ops, 100).size());
    }

    @Test
    void aReplayedBatchDrawsNoAssetIds() {
        String ops = Tokens.ops(newOrg());
        String[] rigs = IntStream.range(0, 50).mapToObj(i -> rigWithMac(newSerial(), null)).toArray(String[]::new);
        JsonPath first = as(ops).body(batch(rigs)).post("/api/rigs/batch").then().statusCode(200).extract().jsonPath();
        long last = number(first.getString("items[49].id"));
        for (int replay = 0; replay < 3; replay++) {
            as(ops).body(batch(rigs)).post("/api/rigs/batch").then().statusCode(200).body("replayed", equalTo(50));
        }
        String next = (String) register(ops, rigWithMac(newSerial(), null)).get(0).get("id");
        assertEquals(last + 1, number(next), "the next rig takes the id after the batch's last: replays drew none");
    }

    @Test
    void overLongValuesAreRefusedWithTheContractsBoundsAndTheInstance() {
        String ops = Tokens.ops(newOrg());
        badlyAs(ops).body(registration(rigWithMac("S" + "1".repeat(5_000), null))).post("/api/rigs").then()
                .statusCode(400).contentType("application/problem+json").body("instance", equalTo("/api/rigs"))
                .body("violations.field", equalTo(List.of("rigs[0].serialNumber")))
                .body("violations[0].message", equalTo("size must be between 1 and 64"));
        badlyAs(ops).body(registration(rigWithMac("S" + "1".repeat(100), null))).post("/api/rigs").then()
                .statusCode(400).body("violations[0].message", equalTo("size must be between 1 and 64"));
        badlyAs(ops).queryParam("serialNumber", "S" + "1".repeat(5_000)).get("/api/rigs").then()
                .statusCode(400).body("instance", equalTo("/api/rigs"))
                .body("violations.field", equalTo(List.of("serialNumber")))
                .body("violations[0].message", equalTo("size must be between 1 and 64"));
    }

    private static long number(String assetId) {
        return Long.parseLong(assetId.substring(assetId.indexOf('-') + 1));
    }
}
