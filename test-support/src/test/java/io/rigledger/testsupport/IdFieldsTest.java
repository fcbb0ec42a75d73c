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
                MatrixBodyEdits.with(body, "moves[].to.place", false, "B-9"));
        assertEquals("{\"moves\":[{\"holding\":\"H-1\",\"to\":{\"place\":\"P-1\"},\"watcherIds\":[\"x\"]},{\"holding\":\"H-2\"}]}",
                MatrixBodyEdits.with(body, "moves[].watcherIds", true, "x"));
        AssertionError noPlace = assertThrows(AssertionError.class, () -> MatrixBodyEdits.with("{}", "moves[].to.place", false, "B-9"));
        assertTrue(noPlace.getMessage().contains("moves[].to.place"), noPlace.getMessage());
    }

    @Test
    void aFieldInAnArrayIsAlsoTriedInTheMiddleAndLastElementOfEachArrayOnItsWay() {
        String body = "{\"moves\":[{\"holding\":\"H-1\",\"watcherIds\":[\"w1\",\"w2\"]},{\"holding\":\"H-2\",\"watcherIds\":[\"w3\",\"w4\"]}]}";
        assertEquals("{\"moves\":[{\"holding\":\"H-1\",\"watcherIds\":[\"w1\",\"w2\"]},{\"holding\":\"B-9\",\"watcherIds\":[\"w3\",\"w4\"]}]}",
                MatrixBodyEdits.with(body, "moves[].holding", false, "B-9", MatrixBodyEdits.At.LAST));
        assertEquals("{\"moves\":[{\"holding\":\"H-1\",\"watcherIds\":[\"w1\",\"w2\"]},{\"holding\":\"H-2\",\"watcherIds\":[\"w3\",\"x\"]}]}",
                MatrixBodyEdits.with(body, "moves[].watcherIds", true, "x", MatrixBodyEdits.At.LAST));
        // s19 review R-11i P3: and in the middle one (of three: the second), neither the first nor the last
        String three = "{\"placements\":[{\"rig\":\"R1\"},{\"rig\":\"R2\"},{\"rig\":\"R3\"}],\"ids\":[\"a\",\"b\",\"c\",\"d\"]}";
        assertEquals("{\"placements\":[{\"rig\":\"R1\"},{\"rig\":\"B-9\"},{\"rig\":\"R3\"}],\"ids\":[\"a\",\"b\",\"c\",\"d\"]}",
                MatrixBodyEdits.with(three, "placements[].rig", false, "B-9", MatrixBodyEdits.At.MIDDLE));
        assertEquals("{\"placements\":[{\"rig\":\"R1\"},{\"rig\":\"R2\"},{\"rig\":\"R3\"}],\"ids\":[\"a\",\"b\",\"x\",\"d\"]}",
                MatrixBodyEdits.with(three, "ids", true, "x", MatrixBodyEdits.At.MIDDLE));
    }

    /** Fresh review R-11g D1, s19 review R-11i P3: a field in an array is tried at a middle index too, so its body needs three items. */
    @Test
    void aBodyGivingAnArrayOnAFieldsWayFewerThanThreeItemsIsNamed() {
        IdFields.IdField watchers = new IdFields.IdField(IdFields.Place.BODY, "moves[].watcherIds", true);
        IdFields.IdField holding = new IdFields.IdField(IdFields.Place.BODY, "moves[].holding", false);
        String three = "{\"moves\":[{\"holding\":\"H-1\",\"watcherIds\":[\"w1\",\"w2\",\"w3\"]},{\"holding\":\"H-2\","
                + "\"watcherIds\":[\"w4\",\"w5\",\"w6\"]},{\"holding\":\"H-3\",\"watcherIds\":[\"w7\",\"w8\",\"w9\"]}]}";
        assertEquals(null, MatrixBodyEdits.fewerThanThree(three, watchers));
        assertEquals(null, MatrixBodyEdits.fewerThanThree(three, holding));
        assertEquals("moves: 2 item(s)", MatrixBodyEdits.fewerThanThree("{\"moves\":[{\"holding\":\"H-1\"},{\"holding\":\"H-2\"}]}",
                holding));
        assertEquals("moves[1].watcherIds: 2 item(s)", MatrixBodyEdits.fewerThanThree("{\"moves\":[{\"watcherIds\":[\"w1\",\"w2\",\"w3\"]},"
                + "{\"watcherIds\":[\"w4\",\"w5\"]},{\"watcherIds\":[\"w6\",\"w7\",\"w8\"]}]}", watchers));
        assertEquals("quoteIds: 0 item(s)", MatrixBodyEdits.fewerThanThree("{\"quote\":{}}",
                new IdFields.IdField(IdFields.Place.BODY, "quoteIds", true)));
        assertTrue(MatrixBodyEdits.inArray(holding) && MatrixBodyEdits.inArray(watchers)
                && !MatrixBodyEdits.inArray(new IdFields.IdField(IdFields.Place.BODY, "organisation", false)));
    }
}
