package io.rigledger.tariff.me;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeResourceTest {

    @Test
    void namesTheCallerItsOrganisationAndRoles() {
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance("northwind"))
                .get("/api/me").then().statusCode(200)
                .body("userName", equalTo("finance-northwind"))
                .body("org", equalTo("northwind"))
                .body("roles", contains("finance"));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.admin())
                .get("/api/me").then().statusCode(200).body("org", nullValue());
    }

    @Test
    void noTokenIs401AndNoRoleIs403() {
        given().filter(Contract.responses(CONTRACT)).get("/api/me").then().statusCode(401);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.user("nobody", "northwind"))
                .get("/api/me").then().statusCode(403);
    }
}
