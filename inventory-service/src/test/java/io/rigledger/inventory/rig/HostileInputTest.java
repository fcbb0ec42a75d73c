package io.rigledger.inventory.rig;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.HostileInput;
import io.rigledger.testsupport.HttpLimitsCheck;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.inventory.Fleet.badlyAs;
import static io.rigledger.inventory.Fleet.listAll;
import static io.rigledger.inventory.Fleet.newOrg;
import static io.rigledger.inventory.InventoryTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cases 003 to 006 on registering rigs: every malformed body is a 400 (or 413, 414, 415, 431) problem naming the field, nothing stored. */
@QuarkusTest
class HostileInputTest {

    private final String org = newOrg();
    private final HostileInput registration = new HostileInput(CONTRACT, Tokens.operator(org), "POST", "/api/rigs",
            requestExample(CONTRACT, "registerRigs"));

    @AfterEach
    void nothingWasStored() {
        assertEquals(List.of(), listAll(Tokens.operator(org), 100));
    }

    @Test
    void aDuplicatedKeyIs400NamingIt() {
        registration.duplicatedKeysAre400NamingThem("rigs", "rigs[0].serialNumber", "rigs[1].orderLineNumber");
    }

    @Test
    void controlCharactersInTextAre400() {
        registration.controlCharactersInTextAre400("rigs[0].serialNumber");
    }

    @Test
    void scalarsAreNotCoerced() {
        registration.scalarsAreNotCoerced("rigs[0].serialNumber", "rigs[1].orderLineNumber");
    }

    @Test
    void contentAfterTheDocumentIs400() {
        registration.contentAfterTheDocumentIs400();
    }

    @Test
    void overlongUtf8Is400() {
        registration.overlongUtf8Is400("rigs[0].serialNumber");
    }

    @Test
    void bodiesThatAreNotJsonAre415() {
        registration.bodiesThatAreNotJsonAre415();
    }

    @Test
    void badLimitsAndCursorsAre400NamingThem() {
        HostileInput.badLimitsAndCursorsAre400(CONTRACT, Tokens.operator(org), "/api/rigs");
        HostileInput.badLimitsAndCursorsAre400(CONTRACT, Tokens.operator(org), "/api/rig-models");
    }

    @Test
    void theHttpLayersRefusalsAreProblemsToo() {
        HttpLimitsCheck.oversizedBodyIs413("/api/rigs", Tokens.operator(org));
        HttpLimitsCheck.overlongUriIs414("/api/rig-models/");
        HttpLimitsCheck.overlongHeadersAre431("/api/rigs");
        HttpLimitsCheck.unknownPathIs404(Tokens.operator(org));
        HttpLimitsCheck.wrongMethodIs405("/api/rigs", Tokens.operator(org));
        HttpLimitsCheck.unacceptableAcceptIs406("/api/rigs", Tokens.operator(org));
    }

    @Test
    void theCsvExportAskedForAsJsonIs406WithoutClaimingToAnswerJson() {
        badlyAs(Tokens.operator(org)).accept("application/json").get("/api/rigs/export").then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", not(containsString("answers application/json")))
                .body("detail", containsString("Accept"));
    }
}
