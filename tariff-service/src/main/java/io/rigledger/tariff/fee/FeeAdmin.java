package io.rigledger.tariff.fee;

import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.duty.FeeType;
import io.rigledger.tariff.fee.FeeViews.FeeRateChange;
import io.rigledger.tariff.fee.FeeViews.FeeRateSupersession;
import io.rigledger.tariff.fee.FeeViews.FeeRateView;
import io.rigledger.tariff.fee.FeeViews.MpfYearChange;
import io.rigledger.tariff.fee.FeeViews.MpfYearView;
import io.rigledger.tariff.schedule.FeeRateRow;
import io.rigledger.tariff.schedule.MpfYearRow;
import io.rigledger.tariff.schedule.ScheduleAdmin;
import io.rigledger.tariff.schedule.ScheduleChange;
import io.rigledger.tariff.schedule.ScheduleHistory;
import io.rigledger.tariff.schedule.ScheduleSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Admin changes to fees, kept like the duty schedule's: create, supersede and correct a fee rate
 * (two rates of one type in force on one date are 409), set the MPF limits of a fiscal year; every
 * change recorded with who, when and why, and the schedule version bumped for every replica.
 * Sources of the seeded values: 19 CFR 24.23 (MPF, CBP Dec. 25-10 for FY2026), 19 CFR 24.24 (HMF).
 */
@ApplicationScoped
public class FeeAdmin {

    @Inject
    EntityManager em;

    @Inject
    ScheduleHistory history;

    @Inject
    ScheduleSnapshots snapshots;

    @Transactional
    public FeeRateView create(FeeRateChange change, String by) {
        lock();
        FeeRateRow row = new FeeRateRow();
        apply(row, change);
        refuseOverlap(row);
        row.persist();
        em.flush();
        return recorded(row, ScheduleChange.Action.CREATE, by, change.reason());
    }

    /** Closes rate {@code id} on the successor's effectiveFrom and opens the successor. */
    @Transactional
    public FeeRateSupersession supersede(long id, FeeRateChange successor, String by) {
        lock();
        FeeRateRow old = find(id);
        if (!successor.effectiveFrom().isAfter(old.effectiveFrom)
                || (old.effectiveTo != null && !successor.effectiveFrom().isBefore(old.effectiveTo))) {
            throw Problems.badRequest("effectiveFrom", "must fall inside the superseded rate's window");
        }
        old.effectiveTo = successor.effectiveFrom();
        FeeRateRow next = new FeeRateRow();
        apply(next, successor);
        refuseOverlap(next);
        next.persist();
        em.flush();
        FeeRateView closed = recorded(old, ScheduleChange.Action.CLOSE, by, successor.reason());
        return new FeeRateSupersession(closed, recorded(next, ScheduleChange.Action.SUPERSEDE, by, successor.reason()));
    }

    @Transactional
    public FeeRateView correct(long id, FeeRateChange change, String by) {
        lock();
        FeeRateRow row = find(id);
        requireVersion(change.version(), row.version);
        apply(row, change);
        refuseOverlap(row);
        em.flush();
        return recorded(row, ScheduleChange.Action.CORRECT, by, change.reason());
    }

    /** Creates the fiscal year's limits (no version given) or corrects them (the current version given). */
    @Transactional
    public MpfYearView setMpfYear(int fiscalYear, MpfYearChange change, String by) {
        if (change.maximum().compareTo(change.minimum()) < 0) {
            throw Problems.badRequest("maximum", "must not be below minimum");
        }
        MpfYearRow row = MpfYearRow.findById(fiscalYear);
        ScheduleChange.Action action = ScheduleChange.Action.CORRECT;
        if (row == null) {
            if (change.version() != null) {
                throw ScheduleAdmin.conflict("version", "given, but FY" + fiscalYear + " has no limits yet");
            }
            row = new MpfYearRow();
            row.fiscalYear = fiscalYear;
            action = ScheduleChange.Action.CREATE;
        } else {
            requireVersion(change.version(), row.version);
        }
        row.minimum = change.minimum();
        row.maximum = change.maximum();
        row.legalReference = change.legalReference();
        row.confirmed = change.confirmed();
        row.persist();
        em.flush();
        MpfYearView view = MpfYearView.of(row);
        history.record(ScheduleChange.Subject.MPF_YEAR, fiscalYear, action, by, change.reason(), view);
        snapshots.bumpVersion();
        return view;
    }

    private FeeRateView recorded(FeeRateRow row, ScheduleChange.Action action, String by, String reason) {
        FeeRateView view = FeeRateView.of(row);
        history.record(ScheduleChange.Subject.FEE_RATE, row.id, action, by, reason, view);
        snapshots.bumpVersion();
        return view;
    }

    private static void requireVersion(Integer given, int current) {
        if (given == null || given != current) {
            throw ScheduleAdmin.conflict("version", "is " + given + " but the row is at version " + current
                    + "; read it again");
        }
    }

    private static FeeRateRow find(long id) {
        return FeeRateRow.<FeeRateRow>findByIdOptional(id).orElseThrow(() -> Problems.notFound("fee rate", id));
    }

    private void lock() {
        em.createNativeQuery("lock table fee_rate in share row exclusive mode").executeUpdate();
    }

    private static void apply(FeeRateRow row, FeeRateChange c) {
        if (c.effectiveTo() != null && !c.effectiveTo().isAfter(c.effectiveFrom())) {
            throw Problems.badRequest("effectiveTo", "must be after effectiveFrom");
        }
        row.type = FeeType.valueOf(c.type());
        row.ratePercent = c.ratePercent();
        row.effectiveFrom = c.effectiveFrom();
        row.effectiveTo = c.effectiveTo();
        row.legalReference = c.legalReference();
        row.confirmed = c.confirmed();
    }

    private static void refuseOverlap(FeeRateRow row) {
        List<FeeRateRow> same = FeeRateRow.list("type", row.type);
        for (FeeRateRow other : same) {
            if (other != row && (other.effectiveTo == null || row.effectiveFrom.isBefore(other.effectiveTo))
                    && (row.effectiveTo == null || other.effectiveFrom.isBefore(row.effectiveTo))) {
                throw ScheduleAdmin.conflict("effectiveFrom", "overlaps fee rate " + other.id + " (" + other.type
                        + ", " + other.effectiveFrom + " to " + (other.effectiveTo == null ? "open" : other.effectiveTo) + ")");
            }
        }
    }
}
