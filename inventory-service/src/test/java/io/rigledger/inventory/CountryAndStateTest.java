package io.rigledger.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.rigledger.inventory.Fleet.as;
import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newCode;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.Fleet.newSerial;
import static io.rigledger.inventory.Fleet.registration;
import static io.rigledger.inventory.Fleet.rig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Countries are assigned ISO 3166-1 alpha-2 codes and states USPS codes, everywhere inventory takes one. */
@QuarkusTest
class CountryAndStateTest {

    @Test
    void aRigMadeInAnUnassignedCountryIs400NamingTheFieldAndNothingIsRegistered() {
        String operator = Tokens.operator(newOrg());
        for (String country : List.of("XX", "ZZ", "us")) {
            badlyAs(operator).body(registration(rig(newSerial(), "antminer-s21", "MY"), rig(newSerial(), "antminer-s21", country)))
                    .post("/api/rigs").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("rigs[1].originCountry")))
                    .body("violations[0].message", containsString("ISO 3166-1 alpha-2"));
        }
        assertEquals(List.of(), listAll(operator, 100));
    }

    @Test
    void aBatchRigMadeInAnUnassignedCountryIs400NamingItsIndex() {
        String ops = Tokens.ops(newOrg());
        List<String> rigs = List.of(rig(newSerial(), "antminer-s21", "MY"), rig(newSerial(), "antminer-s21", "CN"),
                rig(newSerial(), "antminer-s21", "TH"), rig(newSerial(), "antminer-s21", "ZZ"));
        badlyAs(ops).body(registration(rigs)).post("/api/rigs/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rigs[3].originCountry")));
        assertEquals(List.of(), listAll(ops, 100));
    }

    @Test
    void filteringByAnUnassignedCountryIs400NamingTheParameter() {
        String operator = Tokens.operator(newOrg());
        badlyAs(operator).queryParam("originCountry", "XX").get("/api/rigs").then().statusCode(400)
                .body("violations.field", equalTo(List.of("originCountry")));
        badlyAs(operator).queryParam("originCountry", "ZZ").get("/api/rigs/export").then().statusCode(400)
                .body("violations.field", equalTo(List.of("originCountry")));
        as(operator).queryParam("originCountry", "VN").get("/api/rigs").then().statusCode(200);
    }

    @Test
    void aPlantInAnUnassignedCountryIs400NamingTheFieldAndIsNotCreated() {
        String code = "CANAAN-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        for (String country : List.of("XX", "ZZ", "cn")) {
            badlyAs(Tokens.admin()).body("{\"manufacturer\":\"CANAAN\",\"country\":\"" + country + "\",\"confirmed\":false}")
                    .put("/api/plants/" + code).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("country")));
        }
        as(Tokens.ops(newOrg())).get("/api/plants/" + code).then().statusCode(404);
    }

    @Test
    void aSiteInAnythingButAUsStateDcOrTerritoryIs400NamingTheState() {
        String ops = Tokens.ops(newOrg());
        String code = newCode();
        for (String state : List.of("XX", "ZZ", "tx", "AE", "FM")) {
            badlyAs(ops).body("{\"name\":\"Hall\",\"state\":\"" + state + "\",\"capacityKw\":5}")
                    .put("/api/sites/" + code).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("state")))
                    .body("violations[0].message", containsString("USPS"));
        }
        as(ops).get("/api/sites/" + code).then().statusCode(404);
        for (String state : List.of("TX", "DC", "PR", "MP")) {
            as(ops).body("{\"name\":\"Hall\",\"state\":\"" + state + "\",\"capacityKw\":5}")
                    .put("/api/sites/" + newCode()).then().statusCode(200).body("state", equalTo(state));
        }
    }
}
