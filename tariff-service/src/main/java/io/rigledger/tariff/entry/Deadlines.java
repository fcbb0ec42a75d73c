package io.rigledger.tariff.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dates by which something must happen on an entry (docs/domain.md, "From estimate to refund"),
 * all calendar days from the date of entry or of liquidation:
 * <ul>
 * <li>POST_SUMMARY_CORRECTION: 300 days after entry and 15 days before the scheduled liquidation,
 *     whichever is earlier (CBP post-summary correction rules, 19 CFR 101.9(b));</li>
 * <li>EXPECTED_LIQUIDATION: 314 days after entry (CBP's usual liquidation cycle);</li>
 * <li>DEEMED_LIQUIDATION: one year after entry unless extended (19 U.S.C. 1504(a));</li>
 * <li>PROTEST: 180 days after liquidation (19 U.S.C. 1514(c)(3)), CBP's or the deemed one a year after
 *     entry (19 U.S.C. 1504(a)), while no protest was filed, the entry is not finally liquidated and the
 *     window has not closed (a refund request after a decided protest does not open it again);</li>
 * <li>CAPE: 80 days after liquidation for an entry with IEEPA duty (CBP CAPE eligibility). An entry
 *     CBP has not liquidated within a year of entry is deemed liquidated on that anniversary (19 U.S.C.
 *     1504(a)), so its deadline is 80 days after the deemed liquidation, and {@link Cape} counts
 *     eligibility from the same date ({@link #liquidation}). Before either, the deadline is 80 days
 *     after the expected liquidation, marked estimated;</li>
 * <li>DRAWBACK: 5 years after importation (19 U.S.C. 1313(r)).</li>
 * </ul>
 * Deadlines the entry has moved past (a correction after liquidation, a protest once protested) are left out.
 */
public final class Deadlines {

    public static final int CORRECTION_DAYS = 300;
    public static final int CORRECTION_BEFORE_LIQUIDATION_DAYS = 15;
    public static final int EXPECTED_LIQUIDATION_DAYS = 314;
    public static final int PROTEST_DAYS = 180;
    public static final int CAPE_DAYS = 80;
    public static final int DRAWBACK_YEARS = 5;
    /** 19 U.S.C. 1504(a): deemed liquidated at the expiration of 1 year from the date of entry. */
    public static final int DEEMED_LIQUIDATION_YEARS = 1;

    /**
     * The statuses of a liquidated entry that can still be protested (a refund request does not end the right to
     * protest); PAID and CORRECTED once deemed liquidated (19 U.S.C. 1504(a)), which keeps the status.
     */
    static final Set<EntryStatus> PROTESTABLE = EnumSet.of(EntryStatus.PAID, EntryStatus.CORRECTED, EntryStatus.LIQUIDATED,
            EntryStatus.REFUND_REQUESTED, EntryStatus.REFUNDED);

    private Deadlines() {
    }

    /** One deadline: what, by when (inclusive), the rule, and whether the date is estimated. */
    public record Deadline(String kind, LocalDate due, String rule, boolean estimated) {
    }

    /**
     * The facts of an entry the deadlines depend on, on {@code today} (UTC): capeOpen: IEEPA duty is still owed
     * ({@link Owed#ieepaByHeading}) and no CAPE refund was received, else the CAPE row is left out for good;
     * protestFiled: a protest was filed (decided or not); audited: an origin audit is recorded (no post-summary
     * correction then, 19 CFR 101.9(b)).
     */
    public record Facts(LocalDate entryDate, EntryStatus status, LocalDate liquidationDate, boolean capeOpen, boolean protestFiled,
                        boolean audited, LocalDate today) {

        /** The facts of an entry without an origin audit. */
        public Facts(LocalDate entryDate, EntryStatus status, LocalDate liquidationDate, boolean capeOpen, boolean protestFiled,
                     LocalDate today) {
            this(entryDate, status, liquidationDate, capeOpen, protestFiled, false, today);
        }

        /** The facts of an entry without a protest or an origin audit. */
        public Facts(LocalDate entryDate, EntryStatus status, LocalDate liquidationDate, boolean capeOpen, LocalDate today) {
            this(entryDate, status, liquidationDate, capeOpen, false, false, today);
        }
    }

    /** The post-summary correction deadline: 300 days after entry or 15 days before the scheduled liquidation (314 days), the earlier. */
    public static LocalDate correctionDue(LocalDate entryDate) {
        return min(entryDate.plusDays(CORRECTION_DAYS), entryDate.plusDays(EXPECTED_LIQUIDATION_DAYS).minusDays(CORRECTION_BEFORE_LIQUIDATION_DAYS));
    }

    /**
     * 19 U.S.C. 1504(a): an entry not liquidated within one year from the date of entry is "deemed liquidated ... at the
     * expiration of 1 year from the date of entry". The year runs from the date of entry and expires with the day
     * before its anniversary, so the entry counts as liquidated on the anniversary itself (entry 2025-11-30: deemed
     * liquidated 2026-11-30, the date CBP's notices give for such entries); the protest and CAPE periods count from it.
     */
    public static LocalDate deemedLiquidation(LocalDate entryDate) {
        return entryDate.plusYears(DEEMED_LIQUIDATION_YEARS);
    }

    /**
     * The liquidation that counts on {@code today}: CBP's, else the deemed one from the anniversary of the date of
     * entry on ({@link #deemedLiquidation}, 19 U.S.C. 1504(a); that day included); null while neither.
     */
    public static LocalDate liquidation(LocalDate entryDate, LocalDate liquidationDate, LocalDate today) {
        if (liquidationDate != null) {
            return liquidationDate;
        }
        LocalDate deemed = deemedLiquidation(entryDate);
        return today.isBefore(deemed) ? null : deemed;
    }

    /** The open deadlines of an entry, soonest first. */
    public static List<Deadline> of(Facts f) {
        List<Deadline> out = new ArrayList<>();
        LocalDate expected = f.entryDate().plusDays(EXPECTED_LIQUIDATION_DAYS);
        boolean liquidated = f.liquidationDate() != null;
        LocalDate deemed = liquidated ? null : liquidation(f.entryDate(), null, f.today());
        if (!liquidated) {
            // a correction the entry can no longer use is left out: CBP audited it, or it is deemed liquidated
            if (!f.audited() && deemed == null) {
                out.add(new Deadline("POST_SUMMARY_CORRECTION", correctionDue(f.entryDate()),
                        "300 days after entry or 15 days before the scheduled liquidation, the earlier", false));
            }
            out.add(new Deadline("EXPECTED_LIQUIDATION", expected, "314 days after entry", true));
            out.add(new Deadline("DEEMED_LIQUIDATION", deemedLiquidation(f.entryDate()), "1 year after entry (19 U.S.C. 1504(a))", false));
            if (f.capeOpen() && deemed != null) {
                out.add(new Deadline("CAPE", deemed.plusDays(CAPE_DAYS),
                        "80 days after the deemed liquidation (1 year after entry, 19 U.S.C. 1504(a))", false));
            } else if (f.capeOpen()) {
                out.add(new Deadline("CAPE", expected.plusDays(CAPE_DAYS), "80 days after the expected liquidation", true));
            }
        } else {
            if (f.capeOpen()) {
                out.add(new Deadline("CAPE", f.liquidationDate().plusDays(CAPE_DAYS), "80 days after liquidation", false));
            }
        }
        LocalDate protestable = liquidated ? f.liquidationDate() : deemed;
        if (protestable != null && protestOpen(f, protestable)) {
            out.add(new Deadline("PROTEST", protestable.plusDays(PROTEST_DAYS), liquidated ? "180 days after liquidation (19 U.S.C. 1514(c)(3))"
                    : "180 days after the deemed liquidation (1 year after entry, 19 U.S.C. 1504(a), 1514(c)(3))", false));
        }
        out.add(new Deadline("DRAWBACK", f.entryDate().plusYears(DRAWBACK_YEARS), "5 years after importation (19 U.S.C. 1313(r))", false));
        out.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::kind));
        return out;
    }

    /**
     * Whether a protest of the liquidation of {@code liquidated} can still be filed: the status allows it, none was
     * filed, and the 180 days have not passed (a final liquidation without a protest comes only after them).
     */
    private static boolean protestOpen(Facts f, LocalDate liquidated) {
        return PROTESTABLE.contains(f.status()) && !f.protestFiled() && !f.today().isAfter(liquidated.plusDays(PROTEST_DAYS));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
