package io.rigledger.inventory.model;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.register;
import static io.rigledger.inventory.Fleet.registration;
import static io.rigledger.inventory.Fleet.rig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RigModelAdminTest {

    static String newModelCode() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    static String model(String manufacturer, String hashrate, int watts, boolean retired) {
        return "{\"manufacturer\":\"" + manufacturer + "\",\"name\":\"Test miner\",\"hashrateThs\":" + hashrate
                + ",\"powerWatts\":" + watts + ",\"htsCode\":\"8543.70.9860\",\"specsConfirmed\":false,\"retired\":"
                + retired + "}";
    }

    @Test
    void anAdminAddsAModelWhoseEfficiencyIsDerived() {
        String code = newModelCode();
        as(Tokens.admin()).body(model("MICROBT", "200", 3600, false)).put("/api/rig-models/" + code)
                .then().statusCode(200)
                .body("maker", equalTo("MicroBT"))
                .body("manufacturer", equalTo("MICROBT"))
                .body("efficiencyJth", equalTo(18))
                .body("specsConfirmed", equalTo(false));
        as(Tokens.service("procurement-service")).get("/api/rig-models/" + code)
                .then().statusCode(200).body("hashrateThs", equalTo(200));
    }

    @Test
    void correctingSpecsChangesTheDerivedEfficiency() {
        String code = newModelCode();
        as(Tokens.admin()).body(model("CANAAN", "150", 3230, false)).put("/api/rig-models/" + code).then().statusCode(200);
        as(Tokens.admin()).body(model("CANAAN", "160.5", 3210, false)).put("/api/rig-models/" + code)
                .then().statusCode(200).body("hashrateThs", equalTo(160.5f)).body("efficiencyJth", equalTo(20));
    }

    @Test
    void aRetiredModelStaysReadableWithItsRigsButTakesNoNewOnes() {
        String code = newModelCode();
        as(Tokens.admin()).body(model("BITMAIN", "200", 3500, false)).put("/api/rig-models/" + code).then().statusCode(200);
        String operator = Tokens.operator(newOrg());
        String id = (String) register(operator, rig(newSerial(), code, "MY")).get(0).get("id");

        as(Tokens.admin()).body(model("BITMAIN", "200", 3500, true)).put("/api/rig-models/" + code)
                .then().statusCode(200).body("retired", equalTo(true));

        as(operator).get("/api/rigs/" + id).then().statusCode(200).body("model", equalTo(code));
        as(operator).get("/api/rig-models/" + code).then().statusCode(200).body("retired", equalTo(true));
        as(operator).body(registration(rig(newSerial(), code, "MY"))).post("/api/rigs")
                .then().statusCode(422).body("violations[0].message", containsString("retired"));
    }

    @Test
    void replayingABatchAfterItsModelWasRetiredAnswersReplayedButANewRigOfThatModelIs422() {
        String code = newModelCode();
        as(Tokens.admin()).body(model("BITMAIN", "200", 3500, false)).put("/api/rig-models/" + code).then().statusCode(200);
        String org = newOrg();
        String procurement = Tokens.service("procurement-service");
        String batch = "{\"organisation\":\"" + org + "\",\"rigs\":[" + rig(newSerial(), code, "MY") + "]}";
        String id = as(procurement).body(batch).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(1)).extract().path("items[0].id");

        as(Tokens.admin()).body(model("BITMAIN", "200", 3500, true)).put("/api/rig-models/" + code).then().statusCode(200);

        as(procurement).body(batch).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(0)).body("replayed", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].replayed", equalTo(true));
        String withNew = "{\"organisation\":\"" + org + "\",\"rigs\":[" + batch.substring(batch.indexOf('[') + 1,
                batch.lastIndexOf(']')) + "," + rig(newSerial(), code, "MY") + "]}";
        as(procurement).body(withNew).post("/api/rigs/batch").then().statusCode(422)
                .body("violations.field", equalTo(List.of("rigs[1].model")));
    }

    @Test
    void aModelsManufacturerCannotChange() {
        String code = newModelCode();
        as(Tokens.admin()).body(model("BITMAIN", "200", 3500, false)).put("/api/rig-models/" + code).then().statusCode(200);
        as(Tokens.admin()).body(model("CANAAN", "200", 3500, false)).put("/api/rig-models/" + code)
                .then().statusCode(409).body("violations.field", equalTo(List.of("manufacturer")));
    }

    @Test
    void onlyAdminsWriteModels() {
        as(Tokens.ops("northwind")).body(model("BITMAIN", "200", 3500, false)).put("/api/rig-models/" + newModelCode())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void impossibleSpecsAre400NamingEachField() {
        badlyAs(Tokens.admin()).body("{\"manufacturer\":\"BITMAIN\",\"name\":\"\",\"hashrateThs\":0,\"powerWatts\":-1,"
                        + "\"htsCode\":\"8543.70\",\"specsConfirmed\":true}")
                .put("/api/rig-models/" + newModelCode())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("hashrateThs", "htsCode", "name", "powerWatts")));
    }
}
