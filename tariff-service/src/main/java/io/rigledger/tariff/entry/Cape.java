package io.rigledger.tariff.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an entry can go into CBP's CAPE (IEEPA refunds, live 2026-04-20; docs/domain.md step 6):
 * it still owes IEEPA duty (declared or billed by an origin audit, less what a liquidation lowered and a CAPE
 * refund returned, {@link Owed#ieepaByHeading}); it is unliquidated or was liquidated no more than 80 days ago, where an
 * entry CBP did not liquidate within a year of entry counts as liquidated on that anniversary (deemed
 * liquidation, 19 U.S.C. 1504(a); the same date {@link Deadlines} counts the CAPE deadline from); it
 * is not flagged for reconciliation, not on a drawback claim, not under an open protest; and no
 * CAPE claim of it is still open (requested, not received), and a CAPE claim received left something to claim:
 * IEEPA duty billed after it (e.g. by a later origin audit) can be claimed in CAPE again. Pure.
 */
public final class Cape {

    private Cape() {
    }

    /** The facts eligibility depends on. */
    public record Facts(boolean ieepaOwed, EntryStatus status, LocalDate entryDate, LocalDate liquidationDate,
                        boolean reconciliationFlag, boolean drawbackClaim, boolean refundRequested, boolean refundReceived) {
    }

    /** Why the entry is not eligible on {@code today}; empty when it is. */
    public static List<String> whyNot(Facts f, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!f.ieepaOwed()) {
            reasons.add("no IEEPA duty owed");
        }
        LocalDate liquidated = Deadlines.liquidation(f.entryDate(), f.liquidationDate(), today);
        if (liquidated != null && today.isAfter(liquidated.plusDays(Deadlines.CAPE_DAYS))) {
            reasons.add(f.liquidationDate() != null ? "liquidated more than 80 days ago (" + liquidated + ")"
                    : "deemed liquidated more than 80 days ago (" + liquidated + ", 1 year after entry, 19 U.S.C. 1504(a))");
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
        if (f.refundRequested()) {
            reasons.add("refund already " + (f.refundReceived() ? "received" : "requested"));
        }
        if (f.status() == EntryStatus.FILED) {
            reasons.add("duty not paid yet");
        }
        return reasons;
    }

    /**
     * The facts of a stored entry ({@code claims}: its refund claims, {@link RefundClaims#of}; {@code ieepaOwed}: its
     * {@link Owed#ieepaByHeading}): a refund is "requested" while a CAPE claim is open, and "received" once a CAPE claim
     * was received and nothing is left that a new CAPE claim could claim ({@link RefundClaims#capeClaimable}: IEEPA duty
     * billed after it, e.g. by an origin audit, can be claimed again; the shortfall of a received claim cannot).
     */
    public static Facts of(CustomsEntry e, List<EntryView.Refund> claims, Map<String, BigDecimal> ieepaOwed) {
        boolean open = claims.stream().anyMatch(r -> r.kind().equals(RefundClaims.CAPE) && r.receivedOn() == null);
        boolean received = !open && claims.stream().anyMatch(r -> r.kind().equals(RefundClaims.CAPE) && r.receivedOn() != null)
                && RefundClaims.capeClaimable(ieepaOwed, claims).isEmpty();
        return new Facts(!ieepaOwed.isEmpty(), e.status, e.entryDate, e.liquidationDate, e.reconciliationFlag, e.drawbackClaim,
                open || received, received);
    }
}
