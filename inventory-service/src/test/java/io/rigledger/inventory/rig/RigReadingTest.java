package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.register;
import static io.rigledger.inventory.Fleet.rig;
import static io.rigledger.inventory.Fleet.serials;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RigReadingTest {

    /** Asset id order: ids are zero-padded, so their text order is the order they were issued. */
    private static final Comparator<Map<String, Object>> ISSUED_ORDER = Comparator.comparing(r -> (String) r.get("id"));

    @Test
    void foreignOperatorGets404ForAnotherOrganisationsRig() {
        String id = (String) register(Tokens.operator(newOrg()), rig(newSerial(), "antminer-s21", "MY")).get(0).get("id");
        String stranger = Tokens.operator(newOrg());

        JsonPath foreign = as(stranger).get("/api/rigs/" + id)
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        String missingId = "RIG-999999999999";
        JsonPath missing = as(stranger).get("/api/rigs/" + missingId)
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();

        assertEquals(missing.getString("type"), foreign.getString("type"));
        assertEquals(missing.getString("title"), foreign.getString("title"));
        assertEquals(missing.getString("detail").replace(missingId, id), foreign.getString("detail"),
                "nothing tells a foreign rig from a missing one");
    }

    @Test
    void financeAndOpsReadTheirOrganisationsRigs() {
        String org = newOrg();
        String serial = newSerial();
        String id = (String) register(Tokens.operator(org), rig(serial, "avalon-a16xp", "MY")).get(0).get("id");

        for (String reader : List.of(Tokens.finance(org), Tokens.ops(org))) {
            as(reader).get("/api/rigs/" + id).then().statusCode(200).body("serialNumber", equalTo(serial));
            as(reader).get("/api/rigs").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
    }

    @Test
    void aNonUuidIdIs400Problem() {
        badlyAs(Tokens.operator(newOrg()))
                .get("/api/rigs/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("id")));
    }

    @Test
    void listShowsOnlyTheCallersOrganisation() {
        String ours = newOrg();
        String serial = newSerial();
        register(Tokens.operator(ours), rig(serial, "antminer-s21", "CN"));
        register(Tokens.operator(newOrg()), rig(newSerial(), "antminer-s21", "CN"), rig(serial, "antminer-s21", "CN"));

        assertEquals(List.of(serial), serials(listAll(Tokens.finance(ours), 100)));
    }

    @Test
    void pagingVisitsEveryRigOnceInAssetIdOrder() {
        String operator = Tokens.operator(newOrg());
        List<String> registered = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            List<String> rigs = new ArrayList<>();
            for (int i = 0; i <= batch; i++) {
                String serial = newSerial();
                registered.add(serial);
                rigs.add(rig(serial, "antminer-s21-xp", "MY"));
            }
            register(operator, rigs.toArray(String[]::new));
        }

        List<Map<String, Object>> seen = listAll(operator, 3);

        assertEquals(registered.size(), seen.size(), "ten rigs, four pages of at most three");
        assertEquals(new HashSet<>(registered), new HashSet<>(serials(seen)), "every rig once");
        List<Map<String, Object>> ordered = new ArrayList<>(seen);
        ordered.sort(ISSUED_ORDER);
        assertEquals(ordered, seen, "asset id order");
        assertEquals(registered, serials(seen), "registration order");
    }

    @Test
    void theLastPageHasNoCursor() {
        String operator = Tokens.operator(newOrg());
        register(operator, rig(newSerial(), "antminer-s21", "MY"), rig(newSerial(), "antminer-s21", "MY"));

        as(operator).queryParam("limit", 2).get("/api/rigs")
                .then().statusCode(200).body("items", hasSize(2)).body("$", not(hasKey("nextCursor")));
        String cursor = as(operator).queryParam("limit", 1).get("/api/rigs")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        as(operator).queryParam("limit", 1).queryParam("cursor", cursor).get("/api/rigs")
                .then().statusCode(200).body("items", hasSize(1)).body("$", not(hasKey("nextCursor")));
    }

    @Test
    void filtersByModelAndByOriginCountry() {
        String operator = Tokens.operator(newOrg());
        String s21Cn = newSerial();
        String s21My = newSerial();
        String m60My = newSerial();
        register(operator, rig(s21Cn, "antminer-s21", "CN"), rig(s21My, "antminer-s21", "MY"),
                rig(m60My, "whatsminer-m60s", "MY"));

        as(operator).queryParam("model", "antminer-s21").get("/api/rigs")
                .then().statusCode(200)
                .body("items.model", everyItem(equalTo("antminer-s21")))
                .body("items", hasSize(2));
        as(operator).queryParam("originCountry", "MY").get("/api/rigs")
                .then().statusCode(200)
                .body("items.originCountry", everyItem(equalTo("MY")))
                .body("items", hasSize(2));
        as(operator).queryParam("model", "antminer-s21").queryParam("originCountry", "MY").get("/api/rigs")
                .then().statusCode(200)
                .body("items.serialNumber", equalTo(List.of(s21My)));
        as(operator).queryParam("model", "avalon-a1466").get("/api/rigs")
                .then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aBadFilterIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg())).queryParam("originCountry", "Malaysia").get("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("originCountry")));
        badlyAs(Tokens.operator(newOrg())).queryParam("model", "Antminer S21").get("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("model")));
    }

    @Test
    void aZeroLimitIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg())).queryParam("limit", 0).get("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("limit")));
    }

    @Test
    void aForgedCursorIs400NamingIt() {
        String operator = Tokens.operator(newOrg());
        for (String forged : List.of("not base64!", encode("v1|yesterday|" + UUID.randomUUID()),
                encode("v1|2026-01-01T00:00:00Z|not-a-uuid"), encode("v2|2026-01-01T00:00:00Z|" + UUID.randomUUID()),
                encode("v1|2026-01-01T00:00:00Z"))) {
            badlyAs(operator).queryParam("cursor", forged).get("/api/rigs")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("cursor")));
        }
    }

    @Test
    void aReaderWithoutAnOrganisationIs403() {
        as(Tokens.user("nomad", null, "finance")).get("/api/rigs")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("organisation"));
        as(Tokens.user("nomad", null, "ops")).get("/api/rigs/RIG-000000001")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /**
     * A service account lists rigs only for an organisation it names (procurement-service asking whether a serial
     * it ships again is in the fleet, issue 10): without one it is 400 naming organisation; it reads no single rig,
     * and an admin reads none.
     */
    @Test
    void serviceAccountsListOnlyForANamedOrganisationAndAdminsCannotReadRigs() {
        as(Tokens.service("procurement-service")).get("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("organisation")));
        as(Tokens.service("procurement-service")).get("/api/rigs/RIG-000000001")
                .then().statusCode(403).contentType("application/problem+json");
        as(Tokens.admin()).get("/api/rigs/RIG-000000001")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void noTokenIs401() {
        badlyAs(null).get("/api/rigs")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
