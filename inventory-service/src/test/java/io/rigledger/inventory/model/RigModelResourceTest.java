package io.rigledger.inventory.model;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RigModelResourceTest {

    private static final List<String> SEEDED = List.of("antminer-s21", "antminer-s21-plus", "antminer-s21-plus-hydro",
            "antminer-s21-pro", "antminer-s21-xp", "avalon-a1466", "avalon-a16xp", "whatsminer-m60s",
            "whatsminer-m66s-plus");

    @Test
    void serviceAccountCanReadTheCatalogue() {
        String service = Tokens.service("procurement-service");
        as(service).get("/api/rig-models")
                .then().statusCode(200)
                .body("items.code", hasItems(SEEDED.toArray(String[]::new)));
        as(service).get("/api/rig-models/antminer-s21-xp")
                .then().statusCode(200)
                .body("code", equalTo("antminer-s21-xp"))
                .body("maker", equalTo("Bitmain"))
                .body("name", equalTo("Antminer S21 XP"))
                .body("hashrateThs", equalTo(270))
                .body("powerWatts", equalTo(3645))
                .body("efficiencyJth", equalTo(13.5f))
                .body("manufacturer", equalTo("BITMAIN"))
                .body("htsCode", equalTo("8543.70.9860"))
                .body("specsConfirmed", equalTo(true))
                .body("retired", equalTo(false));
    }

    @Test
    void specsTheDomainBriefGivesAsApproximateAreMarkedUnconfirmed() {
        Map<String, Boolean> confirmed = Map.of("antminer-s21", true, "antminer-s21-plus", false,
                "antminer-s21-pro", false, "antminer-s21-xp", true, "antminer-s21-plus-hydro", false,
                "whatsminer-m60s", false, "whatsminer-m66s-plus", true, "avalon-a1466", false, "avalon-a16xp", true);
        String finance = Tokens.finance("northwind");
        confirmed.forEach((code, expected) -> as(finance).get("/api/rig-models/" + code)
                .then().statusCode(200).body("specsConfirmed", equalTo(expected)));
        as(finance).get("/api/rig-models/whatsminer-m60s")
                .then().statusCode(200)
                .body("maker", equalTo("MicroBT"))
                .body("hashrateThs", equalTo(186))
                .body("powerWatts", equalTo(3441))
                .body("efficiencyJth", equalTo(18.5f));
        as(finance).get("/api/rig-models/avalon-a16xp")
                .then().statusCode(200)
                .body("maker", equalTo("Canaan"))
                .body("efficiencyJth", equalTo(12.83f));
    }

    @Test
    void catalogueIsPagedByCodeVisitingEveryModelOnce() {
        String ops = Tokens.ops("northwind");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification req = as(ops).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/rig-models").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);

        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen, "ordered by code");
        assertEquals(seen.size(), seen.stream().distinct().count(), "each once");
        assertTrue(seen.containsAll(SEEDED));
        assertEquals((seen.size() + 1) / 2, pages);
    }

    @Test
    void theWholeCatalogueFitsTheDefaultPage() {
        as(Tokens.operator("northwind")).get("/api/rig-models")
                .then().statusCode(200).body("$", not(hasKey("nextCursor")));
    }

    @Test
    void everyRoleCanReadTheCatalogue() {
        for (String token : List.of(Tokens.operator("northwind"), Tokens.finance("northwind"), Tokens.ops("northwind"),
                Tokens.admin())) {
            as(token).get("/api/rig-models/avalon-a1466").then().statusCode(200).body("maker", equalTo("Canaan"));
        }
    }

    @Test
    void anUnknownModelCodeIs404Problem() {
        as(Tokens.service("procurement-service")).get("/api/rig-models/antminer-s99")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aMalformedModelCodeIs400NamingIt() {
        badlyAs(Tokens.operator("northwind")).get("/api/rig-models/Antminer_S21")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("code")));
    }

    @Test
    void aForgedCursorIs400NamingIt() {
        badlyAs(Tokens.operator("northwind")).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/rig-models")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("cursor")));
    }

    @Test
    void aTokenWithoutAnyRoleIs403() {
        as(Tokens.user("nobody", "northwind")).get("/api/rig-models")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void noTokenIs401() {
        badlyAs(null).get("/api/rig-models/antminer-s21")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
