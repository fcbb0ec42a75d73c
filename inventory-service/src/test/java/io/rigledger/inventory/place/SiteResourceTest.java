package io.rigledger.inventory.place;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.deploy;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.rack;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SiteResourceTest {

    @Test
    void opsCreatesASiteAndItsRacksAndEveryReaderSeesThem() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String code = newCode();
        site(ops, code, 5000);
        rack(ops, code, "A01", 40);
        rack(ops, code, "A02", 20);

        as(Tokens.finance(org)).get("/api/sites/" + code).then().statusCode(200)
                .body("state", equalTo("TX")).body("capacityKw", equalTo(5000)).body("powerInUseKw", equalTo(0));
        as(Tokens.operator(org)).get("/api/sites/" + code + "/racks").then().statusCode(200)
                .body("items.code", equalTo(List.of("A01", "A02"))).body("items.slots", equalTo(List.of(40, 20)));
        as(Tokens.operator(org)).get("/api/sites").then().statusCode(200).body("items.code", equalTo(List.of(code)));
    }

    @Test
    void powerInUseIsTheNameplatePowerOfDeployedRigs() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String code = newCode();
        site(ops, code, 100);
        rack(ops, code, "R1", 10);
        deploy(ops, newRig(ops, "antminer-s21-xp", "MY"), code, "R1", 1);
        deploy(ops, newRig(ops, "avalon-a16xp", "CN"), code, "R1", 2);

        as(ops).get("/api/sites/" + code).then().statusCode(200)
                .body("powerInUseKw", equalTo(7.495f))
                .body("name", equalTo("Hall " + code));
        as(ops).get("/api/sites/" + code + "/racks").then().statusCode(200).body("items[0].occupied", equalTo(2));
    }

    @Test
    void anotherOrganisationsSiteIs404LikeAMissingOne() {
        String code = newCode();
        site(Tokens.ops(newOrg()), code, 100);
        String stranger = Tokens.ops(newOrg());
        as(stranger).get("/api/sites/" + code).then().statusCode(404).contentType("application/problem+json");
        as(stranger).get("/api/sites/" + code + "/racks").then().statusCode(404);
        as(stranger).body("{\"row\":\"A\",\"slots\":4}").put("/api/sites/" + code + "/racks/R9").then().statusCode(404);
        as(stranger).body("{\"reason\":\"x\"}").post("/api/sites/" + code + "/maintenance").then().statusCode(404);
    }

    @Test
    void aRackCannotShrinkBelowAnOccupiedSlot() {
        String ops = Tokens.ops(newOrg());
        String code = newCode();
        site(ops, code, 100);
        rack(ops, code, "R1", 10);
        deploy(ops, newRig(ops, "antminer-s21", "CN"), code, "R1", 8);

        as(ops).body("{\"row\":\"A\",\"slots\":7}").put("/api/sites/" + code + "/racks/R1")
                .then().statusCode(409).body("violations.field", equalTo(List.of("slots")));
        as(ops).body("{\"row\":\"B\",\"slots\":8}").put("/api/sites/" + code + "/racks/R1")
                .then().statusCode(200).body("row", equalTo("B")).body("occupied", equalTo(1));
    }

    @Test
    void capacityBelowThePowerInUseIs409NamingBothUnlessOverriddenAndTheOverrideIsRecorded() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String code = newCode();
        site(ops, code, 100);
        rack(ops, code, "R1", 10);
        deploy(ops, newRig(ops, "antminer-s21", "CN"), code, "R1", 1);
        deploy(ops, newRig(ops, "antminer-s21", "CN"), code, "R1", 2);

        badlyAs(ops).body("{\"name\":\"Hall\",\"state\":\"TX\",\"capacityKw\":5}").put("/api/sites/" + code)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("capacityKw")))
                .body("violations[0].message", containsString("7 kW in use"))
                .body("detail", startsWith("capacityKw is below the power in use: site " + code));
        as(ops).get("/api/sites/" + code).then().body("capacityKw", equalTo(100));

        as(ops).body("{\"name\":\"Hall\",\"state\":\"TX\",\"capacityKw\":8}").put("/api/sites/" + code)
                .then().statusCode(200).body("capacityKw", equalTo(8)).body("powerInUseKw", equalTo(7));
        as(ops).body("{\"name\":\"Hall\",\"state\":\"TX\",\"capacityKw\":5,\"capacityOverride\":true,"
                        + "\"reason\":\"feeder derated\"}").put("/api/sites/" + code)
                .then().statusCode(200).body("capacityKw", equalTo(5)).body("powerInUseKw", equalTo(7));

        as(Tokens.finance(org)).get("/api/sites/" + code + "/history").then().statusCode(200)
                .body("items.capacityKwTo", equalTo(List.of(100, 8, 5)))
                .body("items.capacityKwFrom", equalTo(Arrays.asList(null, 100, 8)))
                .body("items.powerInUseKw", equalTo(List.of(0, 7, 7)))
                .body("items.capacityOverride", equalTo(List.of(false, false, true)))
                .body("items[2].reason", equalTo("feeder derated"))
                .body("items[2].actor", equalTo("ops-" + org));
        as(Tokens.finance(org)).queryParam("limit", 2).get("/api/sites/" + code + "/history").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue());
        as(Tokens.finance(newOrg())).get("/api/sites/" + code + "/history").then().statusCode(404);
    }

    @Test
    void badSitesAre400NamingTheField() {
        badlyAs(Tokens.ops(newOrg())).body("{\"name\":\"x\",\"state\":\"Texas\",\"capacityKw\":0}")
                .put("/api/sites/" + newCode())
                .then().statusCode(400).body("violations.field", equalTo(List.of("capacityKw", "state")));
        badlyAs(Tokens.ops(newOrg())).body("{\"row\":\"A\",\"slots\":1001}").put("/api/sites/X/racks/lower")
                .then().statusCode(400).body("violations.field", hasSize(2));
    }

    @Test
    void capacityWithMoreThanThreeDecimalsIs400NotRoundedAndThreeDecimalsAreKept() {
        String ops = Tokens.ops(newOrg());
        String code = newCode();
        for (String capacity : List.of("0.0001", "1.0000000001", "0.0004")) {
            as(ops).body("{\"name\":\"x\",\"state\":\"TX\",\"capacityKw\":" + capacity + "}").put("/api/sites/" + code)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("capacityKw")));
        }
        as(ops).get("/api/sites/" + code).then().statusCode(404);
        as(ops).body("{\"name\":\"x\",\"state\":\"TX\",\"capacityKw\":0.001}").put("/api/sites/" + code)
                .then().statusCode(200).body("capacityKw", equalTo(0.001f));
    }

    @Test
    void onlyOpsWritesSites() {
        as(Tokens.operator(newOrg())).body("{\"name\":\"x\",\"state\":\"TX\",\"capacityKw\":5}")
                .put("/api/sites/" + newCode()).then().statusCode(403);
    }
}
