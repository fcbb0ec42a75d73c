package io.rigledger.tariff.reconciliation;

import io.rigledger.platform.problem.Problems;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a reconciliation row groups by; {@link #label()} is the group_by of reconciliation_rollup and
 * reconciliation_reason (the keys themselves are written by V7's trigger: order and shipment ids,
 * the entry number as XXX-NNNNNNN-N, origin, program, manufacturer).
 */
public enum Grouping {
    ORDER,
    SHIPMENT,
    ENTRY,
    ORIGIN,
    PROGRAM,
    MANUFACTURER;

    /**
     * @throws io.rigledger.platform.problem.ProblemException 400 naming groupBy for anything but the six names (lower case)
     */
    public static Grouping of(String text) {
        if (text == null || text.isEmpty()) {
            return ENTRY;
        }
        return Arrays.stream(values()).filter(g -> g.name().toLowerCase(Locale.ROOT).equals(text)).findFirst()
                .orElseThrow(() -> Problems.badRequest("groupBy", "must be one of order, shipment, entry, origin, program, manufacturer"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
