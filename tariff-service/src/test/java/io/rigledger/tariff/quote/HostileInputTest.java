package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.HostileInput;
import io.rigledger.testsupport.HttpLimitsCheck;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;
import static org.hamcrest.Matchers.equalTo;

/** Cases 003 to 006 on a duty quote: every malformed body is a 400 (or 413, 414, 415, 431) problem naming the field. */
@QuarkusTest
class HostileInputTest {

    private final HostileInput quote = new HostileInput(CONTRACT, Tokens.finance("northwind"), "POST", "/api/duty-quotes",
            requestExample(CONTRACT, "createDutyQuote"));

    @Test
    void aDuplicatedKeyIs400NamingIt() {
        quote.duplicatedKeysAre400NamingThem("entryDate", "lines[0].htsCode", "lines[0].customsValue");
    }

    @Test
    void controlCharactersInTextAre400() {
        quote.controlCharactersInTextAre400("lines[0].htsCode");
    }

    @Test
    void loosePastOrFarDatesAre400() {
        quote.loosePastOrFarDatesAre400("entryDate");
        quote.loosePastOrFarDatesAre400("exportDate");
    }

    @Test
    void scalarsAreNotCoerced() {
        quote.scalarsAreNotCoerced("lines[0].originCountry", "lines[0].quantity");
    }

    @Test
    void contentAfterTheDocumentIs400() {
        quote.contentAfterTheDocumentIs400();
    }

    @Test
    void overlongUtf8Is400() {
        quote.overlongUtf8Is400("lines[0].htsCode");
    }

    @Test
    void bodiesThatAreNotJsonAre415() {
        quote.bodiesThatAreNotJsonAre415();
    }

    @Test
    void badLimitsAndCursorsAre400NamingThem() {
        HostileInput.badLimitsAndCursorsAre400(CONTRACT, Tokens.ops("northwind"), "/api/duty-rates");
    }

    @Test
    void aQuoteIdThatIsNotAUuidIs400NamingIt() {
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", "3f2a6c1e8b4d4e7a9c1f2d5e8a7b6c40"}) {
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance("northwind"))
                    .get("/api/duty-quotes/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("id")));
        }
    }

    @Test
    void theHttpLayersRefusalsAreProblemsToo() {
        HttpLimitsCheck.oversizedBodyIs413("/api/duty-quotes", Tokens.finance("northwind"));
        HttpLimitsCheck.overlongUriIs414("/api/duty-rates/");
        HttpLimitsCheck.overlongHeadersAre431("/api/duty-rates");
        HttpLimitsCheck.unknownPathIs404(Tokens.finance("northwind"));
        HttpLimitsCheck.wrongMethodIs405("/api/duty-rates", Tokens.finance("northwind"));
        HttpLimitsCheck.unacceptableAcceptIs406("/api/duty-rates", Tokens.finance("northwind"));
    }
}
