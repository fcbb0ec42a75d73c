package io.rigledger.inventory.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** One entry of a rig's history (schema RigEvent): who ("by"), when, from, to, why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RigEventView(EventKind kind, Instant at, String by, RigState from, RigState to, String reason,
                           Boolean capacityOverride) {

    /** Schema RigEventPage; nextCursor is absent on the last page. */
    public record Page(List<RigEventView> items, String nextCursor) {
    }
}
