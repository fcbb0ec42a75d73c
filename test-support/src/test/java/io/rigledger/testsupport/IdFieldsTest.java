package io.rigledger.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** platform.yaml's rule for the request fields that can carry another organisation's id, on a small contract. */
class IdFieldsTest {

    private static final String HOLDINGS = "src/test/resources/matrix/holdings.yaml";

    private static MatrixOperation operation(String id) {
        return MatrixOperation.read(HOLDINGS).stream().filter(o -> o.operationId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> names(List<IdFields.IdField> fields) {
        return fields.stream().map(IdFields.IdField::toString).toList();
    }

    @Test
    void bodyFieldsAtAnyDepthAreFoundByFormatNamePathPatternAndTheOperationsOwnList() {
        MatrixOperation move = operation("moveHoldings");
        assertEquals(List.of("body organisation", "body bucket", "body moves[].holding", "body moves[].ledger",
                "body moves[].batchId", "body moves[].to.place", "body moves[].watcherIds"), names(move.idFields()));
        assertEquals(Map.of("moves[].batchId", "an id the caller makes up for its own batch, naming nothing stored"),
                move.foreignExempt());
        assertEquals(List.of("body organisation", "body bucket", "body moves[].holding", "body moves[].ledger",
                "body moves[].to.place", "body moves[].watcherIds"), names(move.foreignFields()));
        assertTrue(move.idFields().stream().filter(f -> f.name().equals("moves[].watcherIds")).allMatch(IdFields.IdField::array));
    }

    @Test
    void queryParametersAndHeadersAreFoundByNameAndPathPattern() {
        assertEquals(List.of("query ownerId", "query near"), names(operation("listHoldings").idFields()));
        assertEquals(List.of("header X-Acting-Org"), names(operation("getHolding").idFields()));
    }

    @Test
    void aFieldIsTriedInTheFirstElementOfItsArrayAndCreatedWhenTheExampleLeavesItOut() {
        String body = "{\"moves\":[{\"holding\":\"H-1\",\"to\":{\"place\":\"P-1\"}},{\"holding\":\"H-2\"}]}";
        assertEquals("{\"moves\":[{\"holding\":\"H-1\",\"to\":{\"place\":\"B-9\"}},{\"holding\":\"H-2\"}]}",
                MatrixBodies.with(body, "moves[].to.place", false, "B-9"));
        assertEquals("{\"moves\":[{\"holding\":\"H-1\",\"to\":{\"place\":\"P-1\"},\"watcherIds\":[\"x\"]},{\"holding\":\"H-2\"}]}",
                MatrixBodies.with(body, "moves[].watcherIds", true, "x"));
        AssertionError noPlace = assertThrows(AssertionError.class, () -> MatrixBodies.with("{}", "moves[].to.place", false, "B-9"));
        assertTrue(noPlace.getMessage().contains("moves[].to.place"), noPlace.getMessage());
    }
}
