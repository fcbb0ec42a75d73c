package io.rigledger.inventory.rig;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a rig is in its life. RECEIVED -> DEPLOYED (at a position) <-> MAINTENANCE (keeps its
 * position); DEPLOYED -> DEPLOYED elsewhere (a move); RECEIVED or MAINTENANCE -> RMA (with a ticket)
 * -> RECEIVED on return; every state but RETIRED -> RETIRED, which is final.
 */
public enum RigStatus {
    RECEIVED, DEPLOYED, MAINTENANCE, RMA, RETIRED;

    /** The states this one may change to. */
    public Set<RigStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(DEPLOYED, RMA, RETIRED);
            case DEPLOYED -> EnumSet.of(DEPLOYED, MAINTENANCE, RETIRED);
            case MAINTENANCE -> EnumSet.of(DEPLOYED, RMA, RETIRED);
            case RMA -> EnumSet.of(RECEIVED, RETIRED);
            case RETIRED -> EnumSet.noneOf(RigStatus.class);
        };
    }

    public boolean mayBecome(RigStatus to) {
        return next().contains(to);
    }

    /** DEPLOYED and MAINTENANCE rigs hold a position; the others hold none. */
    public boolean positioned() {
        return this == DEPLOYED || this == MAINTENANCE;
    }
}
