package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input to POST /api/duty-quotes is 400 problem+json naming the field as the client wrote it. */
@QuarkusTest
class QuoteValidationTest {

    static final String OK_LINE = "{\"htsCode\":\"8543.70.9860\",\"originCountry\":\"MY\",\"customsValue\":100.00}";

    /** {0}: the body with placeholders ENTRY (a valid entry date) and LINE (a valid line). */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{'entryDate':'ENTRY','transportMode':'BARGE','lines':[LINE]}                                    | transportMode",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':-1}]}   | lines[0].customsValue",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':1.005}]} | lines[0].customsValue",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':1,'usContentPercent':100.01}]} | lines[0].usContentPercent",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':1,'usContentPercent':-0.01}]}  | lines[0].usContentPercent",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':1,'usContentPercent':20.001}]} | lines[0].usContentPercent",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':1,'quantity':0}]}  | lines[0].quantity",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543','originCountry':'MY','customsValue':1}]}             | lines[0].htsCode",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'china','customsValue':1}]}  | lines[0].originCountry",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'XX','customsValue':1}]}     | lines[0].originCountry",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'ZZ','customsValue':1}]}     | lines[0].originCountry",
            "{'entryDate':'2018-12-31','lines':[LINE]}                                                         | entryDate",
            "{'entryDate':'FAR','lines':[LINE]}                                                                | entryDate",
            "{'entryDate':'2025-09-15','exportDate':'2025-09-16','lines':[LINE]}                               | exportDate",
            "{'entryDate':'ENTRY','lines':[]}                                                                  | lines",
            "{'lines':[LINE]}                                                                                  | entryDate",
            "{'entryDate':'ENTRY','discount':5,'lines':[LINE]}                                                 | discount",
            "{'entryDate':'ENTRY','lines':[{'htsCode':'8543.70.9860','originCountry':'MY','customsValue':'lots'}]} | lines[0].customsValue"})
    void badInputIs400NamingTheField(String template, String field) {
        String body = template.replace('\'', '"').replace("ENTRY", "2026-03-10").replace("LINE", OK_LINE)
                .replace("FAR", LocalDate.now().plusYears(1).plusDays(2).toString());
        given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.operator("northwind"))
                .contentType(ContentType.JSON).body(body)
                .post("/api/duty-quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }
}
