package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newRig;
import static io.rigledger.inventory.Fleet.site;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A cursor is bound to the list and filter that issued it; an asset id has one spelling; text bounds
 * count characters (code points), as the contract's maxLength does.
 */
@QuarkusTest
class CursorAndSpellingTest {

    @Test
    void aCursorUsedWithAnotherFilterOrAnotherListIs400NamingCursor() {
        String org = newOrg();
        String ops = Tokens.ops(org);
        String rig = newRig(ops, "antminer-s21", "MY");
        newRig(ops, "antminer-s21", "MY");
        newRig(ops, "antminer-s21", "MY");
        as(ops).body("{\"to\":\"RMA\",\"rmaTicket\":\"T-1\"}").post("/api/rigs/" + rig + "/transitions").then().statusCode(200);
        as(ops).body("{\"to\":\"RECEIVED\"}").post("/api/rigs/" + rig + "/transitions").then().statusCode(200);
        String received = as(ops).queryParam("status", "RECEIVED").queryParam("limit", 1).get("/api/rigs")
                .then().statusCode(200).extract().path("nextCursor");

        as(ops).queryParam("status", "RECEIVED").queryParam("limit", 1).queryParam("cursor", received).get("/api/rigs")
                .then().statusCode(200).body("items", hasSize(1));
        for (String status : new String[] {"RMA", null}) {
            var request = badlyAs(ops).queryParam("limit", 1).queryParam("cursor", received);
            if (status != null) {
                request.queryParam("status", status);
            }
            request.get("/api/rigs").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("cursor")))
                    .body("violations[0].message", containsString("ask for the first page again"));
        }
        badlyAs(ops).queryParam("cursor", received).get("/api/rigs/" + rig + "/history").then().statusCode(400)
                .body("violations.field", equalTo(List.of("cursor")));

        String history = as(ops).queryParam("limit", 1).get("/api/rigs/" + rig + "/history").then().statusCode(200)
                .extract().path("nextCursor");
        String other = newRig(ops, "antminer-s21", "MY");
        badlyAs(ops).queryParam("cursor", history).get("/api/rigs/" + other + "/history").then().statusCode(400)
                .body("violations.field", equalTo(List.of("cursor")));

        site(ops, newCode(), 100);
        site(ops, newCode(), 100);
        String sites = as(ops).queryParam("limit", 1).get("/api/sites").then().statusCode(200).extract().path("nextCursor");
        badlyAs(ops).queryParam("cursor", sites).get("/api/rig-models").then().statusCode(400)
                .body("violations.field", equalTo(List.of("cursor")));
    }

    @Test
    void anAssetIdWithAnExtraLeadingZeroIs400NotAnotherSpellingOfTheRig() {
        String ops = Tokens.ops(newOrg());
        String id = newRig(ops, "antminer-s21", "MY");
        as(ops).get("/api/rigs/" + id).then().statusCode(200).body("id", equalTo(id));
        String padded = "RIG-0" + id.substring(4);
        badlyAs(ops).get("/api/rigs/" + padded).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("id")));
        badlyAs(ops).body("{\"placements\":[{\"rig\":\"" + padded + "\",\"position\":{\"site\":\"X\",\"rack\":\"R\",\"slot\":1}}]}")
                .post("/api/rigs/deployments").then().statusCode(400)
                .body("violations.field", equalTo(List.of("placements[0].rig")));
    }

    @Test
    void aReasonIsBoundedInCharactersNotUtf16UnitsSo500EmojiAreTakenAnd501Refused() {
        String ops = Tokens.ops(newOrg());
        String id = newRig(ops, "antminer-s21", "MY");
        String grin = new String(Character.toChars(0x1F600));
        String fiveHundred = grin.repeat(500);
        as(ops).body("{\"mac\":\"aa:bb:cc:00:00:01\",\"reason\":\"" + fiveHundred + "\"}").put("/api/rigs/" + id + "/mac")
                .then().statusCode(200);
        as(ops).get("/api/rigs/" + id + "/history").then().body("items[1].reason", equalTo(fiveHundred));
        badlyAs(ops).body("{\"mac\":\"aa:bb:cc:00:00:02\",\"reason\":\"" + fiveHundred + grin + "\"}")
                .put("/api/rigs/" + id + "/mac").then().statusCode(400)
                .body("violations.field", equalTo(List.of("reason")))
                .body("violations[0].message", containsString("between 1 and 500"));
    }
}
