package io.rigledger.inventory.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rigledger.inventory.rig.LandedCostView;
import io.rigledger.inventory.rig.PlacedPosition;
import io.rigledger.inventory.rig.RigStatus;

/**
 * The part of a rig an event changed, before or after (schema RigState); stored as jsonb in
 * rig_event.from_state / to_state. Only the changed parts are set; landed cost in USD.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RigState(RigStatus status, PlacedPosition position, String mac, String rmaTicket,
                       LandedCostView landedCost) {

    static RigState status(RigStatus status, PlacedPosition position, String rmaTicket) {
        return new RigState(status, position, null, rmaTicket, null);
    }

    static RigState mac(String mac) {
        return new RigState(null, null, mac, null, null);
    }

    static RigState cost(LandedCostView cost) {
        return new RigState(null, null, null, null, cost);
    }
}
