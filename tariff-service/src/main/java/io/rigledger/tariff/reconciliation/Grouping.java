package io.rigledger.tariff.reconciliation;

import io.rigledger.platform.problem.Problems;

import java.util.Arrays;
import java.util.Locale;

/** What a reconciliation row groups by, and the SQL expression of its key over entry_amount a and customs_entry e. */
public enum Grouping {
    ORDER("a.order_id::text"),
    SHIPMENT("coalesce(a.shipment_id::text, '')"),
    ENTRY("substr(e.entry_number, 1, 3) || '-' || substr(e.entry_number, 4, 7) || '-' || substr(e.entry_number, 11, 1)"),
    ORIGIN("a.origin"),
    PROGRAM("a.program"),
    MANUFACTURER("a.manufacturer");

    final String key;

    Grouping(String key) {
        this.key = key;
    }

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
