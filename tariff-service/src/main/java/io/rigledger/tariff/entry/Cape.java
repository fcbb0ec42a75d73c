package io.rigledger.tariff.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an entry can go into CBP's CAPE (IEEPA refunds, live 2026-04-20; docs/domain.md step 6):
 * it has IEEPA duty declared; it is unliquidated or was liquidated no more than 80 days ago; it is
 * not flagged for reconciliation, not on a drawback claim, not under an open protest; and no refund
 * has been requested for it yet. Pure.
 */
public final class Cape {

    private Cape() {
    }

    /** The facts eligibility depends on. */
    public record Facts(boolean hasIeepa, EntryStatus status, LocalDate liquidationDate, boolean reconciliationFlag,
                        boolean drawbackClaim) {
    }

    /** Why the entry is not eligible today; empty when it is. */
    public static List<String> whyNot(Facts f, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!f.hasIeepa()) {
            reasons.add("no IEEPA duty declared");
        }
        if (f.liquidationDate() != null && today.isAfter(f.liquidationDate().plusDays(Deadlines.CAPE_DAYS))) {
            reasons.add("liquidated more than 80 days ago (" + f.liquidationDate() + ")");
        }
        if (f.reconciliationFlag()) {
            reasons.add("flagged for reconciliation");
        }
        if (f.drawbackClaim()) {
            reasons.add("on a drawback claim");
        }
        if (f.status() == EntryStatus.PROTESTED) {
            reasons.add("open protest");
        }
        if (f.status() == EntryStatus.REFUND_REQUESTED || f.status() == EntryStatus.REFUNDED) {
            reasons.add("refund already " + (f.status() == EntryStatus.REFUNDED ? "received" : "requested"));
        }
        if (f.status() == EntryStatus.FILED) {
            reasons.add("duty not paid yet");
        }
        return reasons;
    }

    static Facts of(CustomsEntry e) {
        return new Facts(e.hasIeepa, e.status, e.liquidationDate, e.reconciliationFlag, e.drawbackClaim);
    }
}
