package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;

/** What-if re-quotes: old, new and difference per line and in total; nothing saved. */
@QuarkusTest
class WhatIfTest {

    static final String THAI_LINE = """
            {"entryDate":"2026-03-10","transportMode":"AIR","lines":[
              {"htsCode":"8543.70.9860","originCountry":"TH","customsValue":8123.45}]}""";

    static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aStoredQuoteReQuotedAfterTheChinaRateFellShowsTheDifference() {
        String id = as(Tokens.finance("northwind"))
                .body("""
                        {"entryDate":"2025-04-09","transportMode":"AIR","lines":[
                          {"htsCode":"8543.70.9860","originCountry":"CN","customsValue":48765.43}]}""")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        // 2025-05-14: reciprocal 10% = 4,876.54 instead of 84% = 40,962.96
        as(Tokens.operator("northwind"))
                .body("{\"quoteIds\":[\"" + id + "\"],\"entryDate\":\"2025-05-14\"}")
                .post("/api/duty-quotes/what-if").then().statusCode(200)
                .body("scenarios[0].quoteId", equalTo(id))
                .body("scenarios[0].lines[0].old", equalTo(64175.31f))
                .body("scenarios[0].lines[0].new", equalTo(28088.89f))
                .body("scenarios[0].lines[0].difference", equalTo(-36086.42f))
                .body("scenarios[0].fees.difference", equalTo(0.00f))
                .body("total.old", equalTo(64344.23f))
                .body("total.new", equalTo(28257.81f));
        as(Tokens.operator("northwind")).get("/api/duty-quotes/" + id).then().statusCode(200)
                .body("entryDate", equalTo("2025-04-09"));
    }

    @Test
    void aDraftMeasureReplacingSection122ShowsWhatTheAnnounced15PercentWouldHaveCost() {
        as(Tokens.finance("northwind"))
                .body("{\"quote\":" + THAI_LINE + ",\"draftMeasures\":[{\"program\":\"SECTION_122\",\"heading\":\"9903.03.01\","
                        + "\"htsPrefix\":\"8543.70\",\"originCountries\":[],\"ratePercent\":15,\"effectiveFrom\":\"2026-02-24\","
                        + "\"effectiveTo\":\"2026-07-24\",\"legalReference\":\"announced, never implemented\",\"replacesId\":18}]}")
                .post("/api/duty-quotes/what-if").then().statusCode(200)
                .body("scenarios[0].duty.old", equalTo(1023.56f))
                .body("scenarios[0].duty.new", equalTo(1429.73f))
                .body("scenarios[0].duty.difference", equalTo(406.17f))
                .body("total.difference", equalTo(406.17f));
    }

    @Test
    void aDraftOverlappingAMeasureItDoesNotReplaceIs409() {
        as(Tokens.finance("northwind"))
                .body("{\"quote\":" + THAI_LINE + ",\"draftMeasures\":[{\"program\":\"SECTION_122\",\"heading\":\"9903.03.01\","
                        + "\"htsPrefix\":\"8543.70\",\"originCountries\":[\"TH\"],\"ratePercent\":15,\"effectiveFrom\":\"2026-03-01\","
                        + "\"legalReference\":\"x\"}]}")
                .post("/api/duty-quotes/what-if").then().statusCode(409)
                .body("violations[0].field", equalTo("draftMeasures[0]"));
    }

    @Test
    void anotherOrganisationsQuoteIs404AndEitherIdsOrAQuoteIsRequired() {
        String id = as(Tokens.operator("northwind")).body(THAI_LINE)
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        as(Tokens.operator("southwind")).body("{\"quoteIds\":[\"" + id + "\"],\"entryDate\":\"2026-05-01\"}")
                .post("/api/duty-quotes/what-if").then().statusCode(404);
        as(Tokens.operator("northwind")).body("{\"entryDate\":\"2026-05-01\"}")
                .post("/api/duty-quotes/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("quoteIds"));
    }

    @Test
    void refusalsOfTheWhatIfsOwnFieldsNameThoseFields() {
        String id = as(Tokens.operator("northwind")).body(THAI_LINE)
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        as(Tokens.operator("northwind")).body("{\"quoteIds\":[\"" + id + "\"],\"entryDate\":\"2018-12-31\"}")
                .post("/api/duty-quotes/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("entryDate"));
        as(Tokens.operator("northwind")).body("{\"quoteIds\":[\"" + id + "\",\"" + id + "\"],\"entryDate\":\"2026-05-01\"}")
                .post("/api/duty-quotes/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("quoteIds[1]"));
        as(Tokens.finance("northwind"))
                .body("{\"quote\":" + THAI_LINE + ",\"draftMeasures\":[{\"program\":\"SECTION_122\",\"heading\":\"9903.03.01\","
                        + "\"htsPrefix\":\"8543.70\",\"originCountries\":[],\"ratePercent\":15,\"effectiveFrom\":\"2026-02-24\","
                        + "\"legalReference\":\"x\",\"replacesId\":99999}]}")
                .post("/api/duty-quotes/what-if").then().statusCode(400)
                .body("violations[0].field", equalTo("draftMeasures[0].replacesId"));
    }

    @Test
    void opsMayNotAskWhatIfAndNoTokenIs401() {
        as(Tokens.ops("northwind")).body("{\"quote\":" + THAI_LINE + "}")
                .post("/api/duty-quotes/what-if").then().statusCode(403);
        given().filter(Contract.responses(CONTRACT)).contentType(ContentType.JSON).body("{}")
                .post("/api/duty-quotes/what-if").then().statusCode(401);
    }
}
