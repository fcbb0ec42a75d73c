package io.rigledger.inventory.catalogue;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CatalogueResourceTest {

    private static String newPlantCode() {
        return "CANAAN-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String plant(String manufacturer, String country, boolean retired) {
        return "{\"manufacturer\":\"" + manufacturer + "\",\"country\":\"" + country
                + "\",\"city\":\"Houston\",\"confirmed\":false,\"retired\":" + retired + "}";
    }

    @Test
    void everyRoleReadsTheThreeManufacturers() {
        for (String token : List.of(Tokens.operator("northwind"), Tokens.service("procurement-service"), Tokens.admin())) {
            as(token).get("/api/manufacturers").then().statusCode(200)
                    .body("items.code", hasItems("BITMAIN", "MICROBT", "CANAAN"))
                    .body("items.name", hasItems("Bitmain", "MicroBT", "Canaan"));
        }
    }

    @Test
    void thePlantsOfTheDomainAreSeededInChinaSouthEastAsiaAndTheUs() {
        as(Tokens.finance("northwind")).get("/api/plants").then().statusCode(200)
                .body("items.code", hasItems("BITMAIN-CN", "BITMAIN-MY", "BITMAIN-TH", "BITMAIN-ID", "BITMAIN-US",
                        "MICROBT-CN", "MICROBT-US", "CANAAN-CN", "CANAAN-US"));
        as(Tokens.finance("northwind")).get("/api/plants/BITMAIN-TH").then().statusCode(200)
                .body("manufacturer", equalTo("BITMAIN")).body("country", equalTo("TH"))
                .body("retired", equalTo(false));
    }

    @Test
    void anAdminAddsCorrectsAndRetiresAPlantAndRigsNamingItStayReadable() {
        String code = newPlantCode();
        as(Tokens.admin()).body(plant("CANAAN", "US", false)).put("/api/plants/" + code)
                .then().statusCode(200).body("city", equalTo("Houston")).body("confirmed", equalTo(false));
        String operator = Tokens.operator(newOrg());
        String id = (String) register(operator, "{\"serialNumber\":\"" + newSerial()
                + "\",\"model\":\"avalon-a1466\",\"originCountry\":\"US\",\"plant\":\"" + code + "\"}").get(0).get("id");

        as(Tokens.admin()).body(plant("CANAAN", "US", true)).put("/api/plants/" + code)
                .then().statusCode(200).body("retired", equalTo(true));

        as(operator).get("/api/rigs/" + id).then().statusCode(200).body("plant", equalTo(code));
        as(operator).get("/api/plants/" + code).then().statusCode(200).body("retired", equalTo(true));
        as(operator).body(registration("{\"serialNumber\":\"" + newSerial()
                        + "\",\"model\":\"avalon-a1466\",\"originCountry\":\"US\",\"plant\":\"" + code + "\"}"))
                .post("/api/rigs").then().statusCode(422)
                .body("violations.field", equalTo(List.of("rigs[0].plant")))
                .body("violations[0].message", containsString("retired"));
    }

    @Test
    void replayingABatchAfterItsPlantWasRetiredAnswersReplayed() {
        String code = newPlantCode();
        as(Tokens.admin()).body(plant("CANAAN", "US", false)).put("/api/plants/" + code).then().statusCode(200);
        String procurement = Tokens.service("procurement-service");
        String batch = "{\"organisation\":\"" + newOrg() + "\",\"rigs\":[{\"serialNumber\":\"" + newSerial()
                + "\",\"model\":\"avalon-a1466\",\"originCountry\":\"US\",\"plant\":\"" + code + "\"}]}";
        String id = as(procurement).body(batch).post("/api/rigs/batch").then().statusCode(200)
                .body("registered", equalTo(1)).extract().path("items[0].id");

        as(Tokens.admin()).body(plant("CANAAN", "US", true)).put("/api/plants/" + code).then().statusCode(200);

        as(procurement).body(batch).post("/api/rigs/batch").then().statusCode(200)
                .body("replayed", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].replayed", equalTo(true))
                .body("items[0].conflicts", nullValue());
    }

    @Test
    void aPlantOfAnotherManufacturerThanTheModelsIs422() {
        as(Tokens.operator(newOrg())).body(registration("{\"serialNumber\":\"" + newSerial()
                        + "\",\"model\":\"avalon-a1466\",\"originCountry\":\"MY\",\"plant\":\"BITMAIN-MY\"}"))
                .post("/api/rigs").then().statusCode(422)
                .body("violations.field", equalTo(List.of("rigs[0].plant")));
    }

    @Test
    void aPlantsManufacturerCannotChange() {
        String code = newPlantCode();
        as(Tokens.admin()).body(plant("CANAAN", "US", false)).put("/api/plants/" + code).then().statusCode(200);
        as(Tokens.admin()).body(plant("BITMAIN", "US", false)).put("/api/plants/" + code)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("manufacturer")));
    }

    @Test
    void aPlantsCountryCannotChangeWhileRigsNameItButCanBeforeAndItsCityAlways() {
        String code = newPlantCode();
        as(Tokens.admin()).body(plant("CANAAN", "MY", false)).put("/api/plants/" + code).then().statusCode(200);
        as(Tokens.admin()).body(plant("CANAAN", "US", false)).put("/api/plants/" + code)
                .then().statusCode(200).body("country", equalTo("US"));
        String operator = Tokens.operator(newOrg());
        String id = (String) register(operator, "{\"serialNumber\":\"" + newSerial()
                + "\",\"model\":\"avalon-a1466\",\"originCountry\":\"US\",\"plant\":\"" + code + "\"}").get(0).get("id");

        as(Tokens.admin()).body(plant("CANAAN", "MY", false)).put("/api/plants/" + code)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("country")))
                .body("violations[0].message", containsString("US"));
        as(Tokens.admin()).body("{\"manufacturer\":\"CANAAN\",\"country\":\"US\",\"city\":\"Austin\",\"confirmed\":true}")
                .put("/api/plants/" + code).then().statusCode(200).body("city", equalTo("Austin"));
        as(operator).get("/api/plants/" + code).then().body("country", equalTo("US"));
        as(operator).get("/api/rigs/" + id).then().body("originCountry", equalTo("US"));
    }

    @Test
    void aRigMadeAtAPlantIsMadeInThePlantsCountry() {
        as(Tokens.operator(newOrg())).body(registration("{\"serialNumber\":\"" + newSerial()
                        + "\",\"model\":\"antminer-s21\",\"originCountry\":\"CN\",\"plant\":\"BITMAIN-MY\"}"))
                .post("/api/rigs").then().statusCode(422)
                .body("violations.field", equalTo(List.of("rigs[0].originCountry")))
                .body("violations[0].message", containsString("BITMAIN-MY (MY)"));
    }

    @Test
    void anUnknownManufacturerIs422() {
        as(Tokens.admin()).body(plant("ACME", "US", false)).put("/api/plants/" + newPlantCode())
                .then().statusCode(422).body("violations.field", equalTo(List.of("manufacturer")));
    }

    @Test
    void onlyAdminsWritePlants() {
        for (String token : List.of(Tokens.ops("northwind"), Tokens.operator("northwind"),
                Tokens.service("procurement-service"))) {
            as(token).body(plant("CANAAN", "US", false)).put("/api/plants/" + newPlantCode())
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void anUnknownPlantIs404AndAMalformedCodeIs400() {
        as(Tokens.ops("northwind")).get("/api/plants/NOWHERE-9").then().statusCode(404)
                .contentType("application/problem+json");
        badlyAs(Tokens.ops("northwind")).get("/api/plants/bitmain_cn").then().statusCode(400)
                .body("violations.field", equalTo(List.of("code")));
    }
}
