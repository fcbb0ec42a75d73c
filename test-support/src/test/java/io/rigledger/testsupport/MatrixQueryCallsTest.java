package io.rigledger.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An organisation holding nothing must be answered zero in every count and sum (fresh review R-11c
 * D1): {@link MatrixQueryCalls#countedNumbers} finds each such number that is not zero.
 */
class MatrixQueryCallsTest {

    private static List<String> counted(String json) throws Exception {
        List<String> found = new ArrayList<>();
        MatrixQueryCalls.countedNumbers(new ObjectMapper().readTree(json), "", false, found);
        return found;
    }

    @Test
    void numbersUnderTotalsOrNamedCountsThatAreNotZeroAreFound() throws Exception {
        assertEquals(List.of("totals.rigCount=3", "totals.landedCostUsd=0.01", "rowCount=2", "summary.groups[0].hashrateThs=5"),
                counted("{\"totals\":{\"rigCount\":3,\"powerWatts\":0,\"landedCostUsd\":\"0.01\"},\"rowCount\":2,"
                        + "\"summary\":{\"groups\":[{\"hashrateThs\":5}]},\"items\":[]}"));
    }

    @Test
    void zeroesAndNumbersThatCountNothingPass() throws Exception {
        assertEquals(List.of(), counted("{\"totals\":{\"rigCount\":0,\"principal\":0.00,\"landedCostUsd\":\"0.00\","
                + "\"jPerTh\":null},\"rowCount\":0,\"limit\":50,\"fiscalYear\":2026,\"originCountry\":\"MY\",\"items\":[]}"));
    }
}
