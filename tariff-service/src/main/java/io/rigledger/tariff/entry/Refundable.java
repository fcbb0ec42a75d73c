package io.rigledger.tariff.entry;

import java.util.Set;

/**
 * The IEEPA Chapter 99 headings refundable after Learning Resources v. Trump (decided 2026-02-20;
 * CSMS 67834313): 9903.01.20, .24, .25, .53, .61, .63, .65 and 9903.02.27, .39, .61 (docs/domain.md,
 * "Refundable after the ruling"). MFN, Section 301, 122 and 232 duties are not refundable.
 */
public final class Refundable {

    public static final Set<String> IEEPA_HEADINGS = Set.of("9903.01.20", "9903.01.24", "9903.01.25", "9903.01.53",
            "9903.01.61", "9903.01.63", "9903.01.65", "9903.02.27", "9903.02.39", "9903.02.61");

    private Refundable() {
    }

    /** Whether a declared heading is a refundable IEEPA heading. */
    public static boolean isIeepa(String heading) {
        return heading != null && IEEPA_HEADINGS.contains(heading);
    }
}
