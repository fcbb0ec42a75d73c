package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.rig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RigBatchTest {

    private static String batch(String org, List<String> rigs) {
        return "{" + (org == null ? "" : "\"organisation\":\"" + org + "\",") + "\"rigs\":[" + String.join(",", rigs) + "]}";
    }

    @Test
    void procurementRegistersABatchAndAReplayChangesNothingAndSaysSoPerRig() {
        String org = newOrg();
        String procurement = Tokens.service("procurement-service");
        List<String> first = List.of(rig(newSerial(), "antminer-s21-xp", "MY"), rig(newSerial(), "avalon-a1466", "CN"));
        JsonPath registered = as(procurement).body(batch(org, first)).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(2)).body("replayed", equalTo(0))
                .body("items.replayed", equalTo(List.of(false, false)))
                .body("items.manufacturer", equalTo(List.of("BITMAIN", "CANAAN")))
                .extract().jsonPath();

        List<String> again = new ArrayList<>(first);
        String fresh = newSerial();
        again.add(rig(fresh, "whatsminer-m60s", "CN"));
        as(procurement).body(batch(org, again)).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(1)).body("replayed", equalTo(2))
                .body("items.replayed", equalTo(List.of(true, true, false)))
                .body("items[0].id", equalTo(registered.getString("items[0].id")))
                .body("items[1].id", equalTo(registered.getString("items[1].id")))
                .body("items[2].serialNumber", equalTo(fresh));

        assertEquals(3, listAll(Tokens.finance(org), 100).size());
    }

    @Test
    void aReplayWithOtherDetailsKeepsTheRegisteredRigAndReportsEachDifferenceAsAConflict() {
        String org = newOrg();
        String serial = newSerial();
        String same = newSerial();
        as(Tokens.ops(org)).body(batch(null, List.of(rig(serial, "antminer-s21", "MY"), rig(same, "antminer-s21", "MY"))))
                .post("/api/rigs/batch").then().statusCode(200).body("items.conflicts", equalTo(Arrays.asList(null, null)));
        as(Tokens.ops(org)).body(batch(null, List.of(rig(same, "antminer-s21", "MY"), rig(serial, "antminer-s21-pro", "TH"))))
                .post("/api/rigs/batch").then().statusCode(200)
                .body("items.replayed", equalTo(List.of(true, true)))
                .body("items[0].conflicts", equalTo(null))
                .body("items[1].conflicts.field", equalTo(List.of("rigs[1].model", "rigs[1].originCountry")))
                .body("items[1].conflicts[0].message", containsString("antminer-s21 on the registered rig"));
        as(Tokens.ops(org)).queryParam("serialNumber", serial).get("/api/rigs").then()
                .body("items.model", equalTo(List.of("antminer-s21"))).body("items.originCountry", equalTo(List.of("MY")));
    }

    @Test
    void aSerialRepeatedInsideTheBatchIs400AndNothingIsRegistered() {
        String org = newOrg();
        String twice = newSerial();
        badlyAs(Tokens.ops(org)).body(batch(null, List.of(rig(newSerial(), "antminer-s21", "MY"),
                        rig(twice, "antminer-s21", "MY"), rig(twice, "antminer-s21-xp", "MY"))))
                .post("/api/rigs/batch").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[2].serialNumber")));
        assertEquals(List.of(), listAll(Tokens.ops(org), 100));
    }

    @Test
    void tenThousandRigsRegisterInOneCallAndOneMoreIs400() {
        String org = newOrg();
        List<String> rigs = IntStream.range(0, 10_000).mapToObj(i -> rig("B" + i + newSerial(), "antminer-s21", "TH")).toList();
        as(Tokens.ops(org)).body(batch(null, rigs)).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(10_000)).body("items", hasSize(10_000));

        List<String> tooMany = new ArrayList<>(rigs);
        tooMany.add(rig(newSerial(), "antminer-s21", "TH"));
        badlyAs(Tokens.ops(newOrg())).body(batch(null, tooMany)).post("/api/rigs/batch").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("rigs")));
    }

    @Test
    void aServiceAccountMustNameTheOrganisationAndAPersonOnlyTheirOwn() {
        List<String> one = List.of(rig(newSerial(), "antminer-s21", "MY"));
        as(Tokens.service("procurement-service")).body(batch(null, one)).post("/api/rigs/batch")
                .then().statusCode(400).body("violations.field", equalTo(List.of("organisation")));
        as(Tokens.ops(newOrg())).body(batch(newOrg(), one)).post("/api/rigs/batch")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void operatorsAndFinanceCannotBatchRegister() {
        for (String token : List.of(Tokens.operator(newOrg()), Tokens.finance(newOrg()), Tokens.admin())) {
            as(token).body(batch(null, List.of(rig(newSerial(), "antminer-s21", "MY")))).post("/api/rigs/batch")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void anUnknownModelFailsTheBatchWith422NamingIt() {
        String org = newOrg();
        as(Tokens.ops(org)).body(batch(null, List.of(rig(newSerial(), "antminer-s21", "MY"),
                        rig(newSerial(), "antminer-s99", "MY"))))
                .post("/api/rigs/batch").then().statusCode(422).body("violations.field", equalTo(List.of("rigs[1].model")));
        assertEquals(List.of(), listAll(Tokens.ops(org), 100));
    }
}
