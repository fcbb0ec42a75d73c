package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.tariff.entry.Entries.file;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Filing entries: declared vs engine per layer, duplicate numbers, organisations, roles. */
@QuarkusTest
class EntryResourceTest {

    @Test
    void anEntryShowsDeclaredEngineAndTheDifferencePerLayer() {
        String org = org();
        file(org, malaysian(number(), "2025-09-15", "18000.00", "")).statusCode(201)
                .header("Location", containsString("/api/entries/"))
                .body("status", equalTo("FILED"))
                .body("summary.version", equalTo(1))
                .body("summary.lines[0].layers.find { it.key == 'IEEPA_RECIPROCAL' }.declared", equalTo(18000.00f))
                .body("summary.lines[0].layers.find { it.key == 'IEEPA_RECIPROCAL' }.engine", equalTo(19000.00f))
                .body("summary.lines[0].layers.find { it.key == 'IEEPA_RECIPROCAL' }.difference", equalTo(-1000.00f))
                .body("summary.lines[0].layers.find { it.key == 'MFN' }.difference", equalTo(0f))
                .body("summary.fees.find { it.key == 'MPF' }.engine", equalTo(346.40f))
                .body("summary.fees.find { it.key == 'HMF' }.engine", equalTo(125.00f))
                .body("summary.totals.dutyDifference", equalTo(-1000.00f))
                .body("summary.totals.refundableIeepaDuty", equalTo(18000.00f));
    }

    @Test
    void theSameEntryNumberTwiceInOneOrganisationIs409ButAnotherOrganisationMayFileIt() {
        String org = org();
        String number = number();
        filed(org, malaysian(number, "2025-09-15", "19000.00", ""));
        file(org, malaysian(number.replace("-", ""), "2025-09-15", "19000.00", "")).statusCode(409)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("entryNumber")));
        filed(org(), malaysian(number, "2025-09-15", "19000.00", ""));
    }

    @Test
    void anEntryNumberOfTheWrongFormIs400NamingIt() {
        for (String bad : new String[] {"000-1234567-8", "AB1-234567-9"}) {
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org())).contentType("application/json")
                    .body(malaysian(bad, "2025-09-15", "19000.00", "")).post("/api/entries")
                    .then().statusCode(400).body("violations.field", hasItem("entryNumber"));
        }
    }

    @Test
    void anotherOrganisationsEntryIs404OnEveryVerb() {
        String id = filed(org(), malaysian(number(), "2025-09-15", "19000.00", ""));
        String stranger = org();
        for (String path : new String[] {"", "/history", "/versions/1", "/allocation"}) {
            get(stranger, "/api/entries/" + id + path).statusCode(404);
            given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.operator(stranger))
                    .get("/api/entries/" + id + path).then().statusCode(404);
        }
        move(stranger, id, "payments", "{\"amount\":10.00,\"paidOn\":\"2025-09-20\",\"achReference\":\"ACH-1\"}").statusCode(404);
        move(stranger, id, "liquidation", "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"x\"}").statusCode(404);
        move(stranger, id, "protest", "{\"filedOn\":\"2026-08-01\",\"protestNumber\":\"2704-26-123456\",\"reason\":\"x\"}").statusCode(404);
        move(stranger, id, "final-liquidation", "{\"decidedOn\":\"2026-08-01\",\"decision\":\"DENIED\",\"reason\":\"x\"}").statusCode(404);
        move(stranger, id, "refund-request", "{\"requestedOn\":\"2026-08-01\",\"kind\":\"CAPE\",\"reason\":\"x\"}").statusCode(404);
        move(stranger, id, "refunds", "{\"receivedOn\":\"2026-08-01\",\"principal\":1.00,\"interest\":0,\"reference\":\"R-1\"}").statusCode(404);
        move(stranger, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2026-08-01\",\"interest\":0,\"reason\":\"x\"}").statusCode(404);
        move(stranger, id, "corrections", Entries.correction("a stranger's correction", "19000.00")).statusCode(404);
        get(stranger, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
        get(stranger, "/api/entries/" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void aServiceAccountFilesForTheOrganisationItNamesAndMustNameOne() {
        String org = org();
        String body = malaysian(number(), "2025-09-15", "19000.00", "");
        Entries.as(Tokens.service("procurement-service")).header("X-On-Behalf-Of-Org", org).body(FakeProcurement.holds(org, body))
                .post("/api/entries").then().statusCode(201);
        get(org, "/api/entries").statusCode(200).body("items.size()", equalTo(1));
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.service("procurement-service"))
                .contentType("application/json").body(malaysian(number(), "2025-09-15", "19000.00", ""))
                .post("/api/entries").then().statusCode(400).body("violations.field", equalTo(List.of("X-On-Behalf-Of-Org")));
    }

    @Test
    void anOperatorReadsButCannotFile() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.operator(org)).get("/api/entries/" + id)
                .then().statusCode(200);
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.operator(org)).contentType("application/json")
                .body(malaysian(number(), "2025-09-15", "19000.00", "")).post("/api/entries").then().statusCode(403);
    }

    @Test
    void anUnknownQuoteOfAnOrderLineIs422AndNothingIsFiled() {
        String org = org();
        String body = malaysian(number(), "2025-09-15", "19000.00", "").replace("\"lineNumber\":2,", "\"lineNumber\":2,\"quoteId\":\""
                + UUID.randomUUID() + "\",");
        file(org, body).statusCode(422).body("violations.field", equalTo(List.of("orderLines[1].quoteId")));
        get(org, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
    }
}
