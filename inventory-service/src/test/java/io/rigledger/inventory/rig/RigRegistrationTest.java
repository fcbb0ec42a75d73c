package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.inventory.fakes.FakeProcurement;
import io.rigledger.inventory.fakes.InjectFakeProcurement;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.register;
import static io.rigledger.inventory.Fleet.registration;
import static io.rigledger.inventory.Fleet.rig;
import static io.rigledger.inventory.Fleet.serials;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RigRegistrationTest {

    @InjectFakeProcurement
    FakeProcurement procurement;

    @Test
    void registeredRigsComeBackInRequestOrderAndCanBeReadBack() {
        String org = newOrg();
        String operator = Tokens.operator(org);
        String first = newSerial();
        String second = newSerial();
        UUID order = procurement.hasOrder(org, 1);
        var answer = as(operator)
                .body(registration(rig(first, "antminer-s21-xp", "MY"),
                        "{\"serialNumber\":\"" + second + "\",\"model\":\"whatsminer-m66s-plus\",\"originCountry\":\"US\","
                                + "\"purchaseOrderId\":\"" + order + "\"}"))
                .post("/api/rigs")
                .then().statusCode(201)
                .body("items", hasSize(2))
                .body("items.serialNumber", equalTo(List.of(first, second)))
                .body("items.model", equalTo(List.of("antminer-s21-xp", "whatsminer-m66s-plus")))
                .body("items.originCountry", equalTo(List.of("MY", "US")))
                .body("items.status", equalTo(List.of("RECEIVED", "RECEIVED")))
                .body("items.manufacturer", equalTo(List.of("BITMAIN", "MICROBT")))
                .body("items[0].id", startsWith("RIG-"))
                .body("items[0]", not(hasKey("purchaseOrderId")))
                .body("items[1].purchaseOrderId", equalTo(order.toString()))
                .body("items[0].registeredAt", startsWith("20"))
                .extract().jsonPath();
        assertEquals(answer.getString("items[0].registeredAt"), answer.getString("items[1].registeredAt"),
                "one registration, one instant");
        assertTrue(answer.getString("items[0].registeredAt").endsWith("Z"), "times are UTC");

        for (Map<String, Object> registered : answer.<Map<String, Object>>getList("items")) {
            as(operator).get("/api/rigs/" + registered.get("id"))
                    .then().statusCode(200)
                    .body("id", equalTo(registered.get("id")))
                    .body("serialNumber", equalTo(registered.get("serialNumber")))
                    .body("registeredAt", equalTo(registered.get("registeredAt")));
        }
    }

    @Test
    void registeringADuplicateSerialIs409AndStoresNothing() {
        String operator = Tokens.operator(newOrg());
        String existing = newSerial();
        String fresh = newSerial();
        register(operator, rig(existing, "antminer-s21", "CN"));

        as(operator)
                .body(registration(rig(fresh, "antminer-s21", "CN"), rig(existing, "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("violations.field", equalTo(List.of("rigs[1].serialNumber")))
                .body("detail", containsString("rigs[1].serialNumber"));

        assertEquals(List.of(existing), serials(listAll(operator, 100)), "the fresh rig was not half-written");
    }

    @Test
    void aSerialRepeatedWithinTheRequestIs400AsInTheBatchAndStoresNothing() {
        String operator = Tokens.operator(newOrg());
        String twice = newSerial();
        badlyAs(operator)
                .body(registration(rig(twice, "avalon-a16xp", "MY"), rig(newSerial(), "avalon-a16xp", "MY"),
                        rig(twice, "avalon-a16xp", "TH")))
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[2].serialNumber")))
                .body("violations[0].message", containsString("rigs[0]"));

        assertEquals(List.of(), listAll(operator, 100));
    }

    @Test
    void theSameSerialMayBeRegisteredForAnotherManufacturerOrInAnotherOrganisation() {
        String serial = newSerial();
        String operator = Tokens.operator(newOrg());
        register(operator, rig(serial, "antminer-s21", "CN"), rig(serial, "avalon-a1466", "CN"));
        register(Tokens.operator(newOrg()), rig(serial, "antminer-s21", "CN"));

        assertEquals(List.of(serial, serial), serials(listAll(operator, 100)));
    }

    @Test
    void aSerialIsUniquePerManufacturerAcrossItsModels() {
        String serial = newSerial();
        String operator = Tokens.operator(newOrg());
        register(operator, rig(serial, "antminer-s21", "CN"));

        as(operator).body(registration(rig(serial, "antminer-s21-pro", "CN"))).post("/api/rigs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[0].serialNumber")))
                .body("violations[0].message", containsString("BITMAIN"));
    }

    @Test
    void unknownModelIs422NamingTheField() {
        String operator = Tokens.operator(newOrg());
        as(operator)
                .body(registration(rig(newSerial(), "antminer-s21", "MY"), rig(newSerial(), "antminer-s99", "MY")))
                .post("/api/rigs")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", equalTo(List.of("rigs[1].model")))
                .body("detail", containsString("antminer-s99"));

        assertEquals(List.of(), listAll(operator, 100), "nothing of the request was stored");
    }

    @Test
    void concurrentRegistrationsOfTheSameSerialStoreItOnce() throws Exception {
        String operator = Tokens.operator(newOrg());
        String body = registration(rig(newSerial(), "antminer-s21-plus-hydro", "ID"));
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            IntStream.range(0, callers).forEach(i -> calls.add(() ->
                    as(operator).body(body).post("/api/rigs").then().extract().statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(callers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, listAll(operator, 100).size());
    }

    @Test
    void aThousandRigsRegisterInOneRequestAndComeBackInOnePageOfTheLargestLimit() {
        String ops = Tokens.ops(newOrg());
        List<String> rigs = IntStream.range(0, 1000).mapToObj(i -> rig(newSerial(), "antminer-s21", "TH")).toList();
        as(ops).body(registration(rigs)).post("/api/rigs").then().statusCode(201).body("items", hasSize(1000));

        as(ops).queryParam("limit", 1000).get("/api/rigs")
                .then().statusCode(200)
                .body("items", hasSize(1000))
                .body("$", not(hasKey("nextCursor")));
        badlyAs(ops).queryParam("limit", 1001).get("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("limit")));
    }

    @Test
    void moreThan1000RigsInOneRequestIs400() {
        List<String> rigs = IntStream.range(0, 1001).mapToObj(i -> rig(newSerial(), "antminer-s21", "TH")).toList();
        badlyAs(Tokens.operator(newOrg()))
                .body(registration(rigs))
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs")));
    }

    @Test
    void opsMayRegisterRigs() {
        List<Map<String, Object>> items = register(Tokens.ops(newOrg()), rig(newSerial(), "avalon-a1466", "SG"));
        assertEquals("RECEIVED", items.get(0).get("status"));
    }

    @Test
    void financeCannotRegisterRigs() {
        as(Tokens.finance(newOrg()))
                .body(registration(rig(newSerial(), "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void serviceAccountCannotRegisterRigs() {
        as(Tokens.service("procurement-service"))
                .body(registration(rig(newSerial(), "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anOperatorWithoutAnOrganisationCannotRegisterRigs() {
        as(Tokens.user("drifter", null, "operator"))
                .body(registration(rig(newSerial(), "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("organisation"));
    }

    @Test
    void noTokenIs401() {
        badlyAs(null)
                .body(registration(rig(newSerial(), "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIs401() {
        badlyAs(Tokens.expired(newOrg(), "operator"))
                .body(registration(rig(newSerial(), "antminer-s21", "MY")))
                .post("/api/rigs")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        badlyAs(Tokens.operator(newOrg()))
                .body("{\"rigs\": [{\"serialNumber\": ")
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(containsString("at io.")))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void constraintViolationsAre400NamingEachField() {
        badlyAs(Tokens.operator(newOrg()))
                .body(registration(rig("-dash-first", "Antminer S21", "my"), "{}"))
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("rigs[0].serialNumber", "rigs[0].model", "rigs[0].originCountry",
                        "rigs[1].serialNumber", "rigs[1].model", "rigs[1].originCountry"));
    }

    @Test
    void anEmptyOrMissingListIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg())).body("{\"rigs\":[]}").post("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs")));
        badlyAs(Tokens.operator(newOrg())).body("{}").post("/api/rigs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs")));
    }

    @Test
    void anUnknownPropertyIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg()))
                .body("{\"rigs\":[{\"serialNumber\":\"" + newSerial()
                        + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\",\"macAddress\":\"00:11:22:33:44:55\"}]}")
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("rigs[0].macAddress"));
    }

    @Test
    void aPurchaseOrderIdThatIsNotAUuidIs400NamingIt() {
        badlyAs(Tokens.operator(newOrg()))
                .body("{\"rigs\":[{\"serialNumber\":\"" + newSerial()
                        + "\",\"model\":\"antminer-s21\",\"originCountry\":\"MY\",\"purchaseOrderId\":\"PO-17\"}]}")
                .post("/api/rigs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[0].purchaseOrderId")))
                .body("violations[0].message", notNullValue());
    }
}
