package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.HostileInput;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;
import static org.hamcrest.Matchers.equalTo;

/** Malformed entry bodies are 400 problems naming the field, and nothing is filed. */
@QuarkusTest
class EntryHostileInputTest {

    private final String org = Entries.org();
    private final HostileInput entry = new HostileInput(CONTRACT, Tokens.finance(org), "POST", "/api/entries",
            FakeProcurement.holds(org, requestExample(CONTRACT, "createEntry")));

    @Test
    void malformedEntriesAre400NamingTheFieldAndNothingIsFiled() {
        entry.duplicatedKeysAre400NamingThem("entryNumber", "lines[0].customsValue", "orderLines[0].quantity");
        entry.controlCharactersInTextAre400("importer");
        entry.loosePastOrFarDatesAre400("entryDate");
        entry.loosePastOrFarDatesAre400("exportDate");
        entry.scalarsAreNotCoerced("lines[0].manufacturer", "orderLines[0].quantity");
        entry.contentAfterTheDocumentIs400();
        entry.overlongUtf8Is400("importer");
        entry.bodiesThatAreNotJsonAre415();
        Entries.get(org, "/api/entries").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void badLimitsAndCursorsOfTheEntryListAre400NamingThem() {
        HostileInput.badLimitsAndCursorsAre400(CONTRACT, Tokens.finance(org), "/api/entries");
    }
}
