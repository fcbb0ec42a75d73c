package io.rigledger.tariff.schedule;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.duty.Measure;
import io.rigledger.tariff.duty.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Admin changes to duty measures: create, supersede (close one and open its successor in one
 * transaction) and correct. Each change is refused with 409 if it would leave two measures of the
 * same program and HTS prefix with a common origin in force on a common date, is kept in the
 * history with who, when and why, and bumps the schedule version every replica polls.
 */
@ApplicationScoped
public class ScheduleAdmin {

    @Inject
    EntityManager em;

    @Inject
    ScheduleHistory history;

    @Inject
    ScheduleSnapshots snapshots;

    /** Both rows of a supersession, after it. */
    public record Supersession(DutyMeasureView closed, DutyMeasureView successor) {
    }

    @Transactional
    public DutyMeasureView create(MeasureChange change, String by) {
        lock();
        DutyMeasure row = new DutyMeasure();
        apply(row, change);
        refuseOverlap(row, List.of());
        row.persist();
        em.flush();
        DutyMeasureView view = DutyMeasureView.of(row);
        history.record(ScheduleChange.Subject.MEASURE, row.id, ScheduleChange.Action.CREATE, by, change.reason(), view);
        snapshots.bumpVersion();
        return view;
    }

    /**
     * Closes measure {@code id} on the successor's {@code effectiveFrom} and opens the successor.
     *
     * @throws ProblemException 404 unknown id; 400 when the cut date is not inside the old window; 409 on overlap
     */
    @Transactional
    public Supersession supersede(long id, MeasureChange successor, String by) {
        lock();
        DutyMeasure old = find(id);
        if (!successor.effectiveFrom().isAfter(old.effectiveFrom)
                || (old.effectiveTo != null && !successor.effectiveFrom().isBefore(old.effectiveTo))) {
            throw Problems.badRequest("effectiveFrom", "must fall inside the superseded measure's window ("
                    + old.effectiveFrom + " to " + (old.effectiveTo == null ? "open" : old.effectiveTo) + ")");
        }
        old.effectiveTo = successor.effectiveFrom();
        DutyMeasure next = new DutyMeasure();
        apply(next, successor);
        refuseOverlap(next, List.of());
        next.persist();
        em.flush();
        DutyMeasureView closed = DutyMeasureView.of(old);
        DutyMeasureView opened = DutyMeasureView.of(next);
        history.record(ScheduleChange.Subject.MEASURE, old.id, ScheduleChange.Action.CLOSE, by, successor.reason(), closed);
        history.record(ScheduleChange.Subject.MEASURE, next.id, ScheduleChange.Action.SUPERSEDE, by, successor.reason(), opened);
        snapshots.bumpVersion();
        return new Supersession(closed, opened);
    }

    /**
     * Replaces every field of measure {@code id}.
     *
     * @throws ProblemException 404 unknown id; 409 when {@code version} is stale or the result overlaps
     */
    @Transactional
    public DutyMeasureView correct(long id, MeasureChange change, String by) {
        lock();
        DutyMeasure row = find(id);
        if (change.version() == null || change.version() != row.version) {
            throw conflict("version", "is " + change.version() + " but the measure is at version " + row.version
                    + "; read it again");
        }
        apply(row, change);
        refuseOverlap(row, List.of(row.id));
        em.flush();
        DutyMeasureView view = DutyMeasureView.of(row);
        history.record(ScheduleChange.Subject.MEASURE, row.id, ScheduleChange.Action.CORRECT, by, change.reason(), view);
        snapshots.bumpVersion();
        return view;
    }

    /** 409 naming the field (overlap or stale version); shared with the fee admin. */
    public static ProblemException conflict(String field, String message) {
        return Problems.conflict(List.of(new Problem.Violation(field, message)));
    }

    private static DutyMeasure find(long id) {
        return DutyMeasure.<DutyMeasure>findByIdOptional(id).orElseThrow(() -> Problems.notFound("duty rate", id));
    }

    /** One admin change at a time: the overlap check then sees every committed row. */
    private void lock() {
        em.createNativeQuery("lock table duty_measure in share row exclusive mode").executeUpdate();
    }

    private static void apply(DutyMeasure row, MeasureChange c) {
        if (c.effectiveTo() != null && !c.effectiveTo().isAfter(c.effectiveFrom())) {
            throw Problems.badRequest("effectiveTo", "must be after effectiveFrom");
        }
        if (c.nonUsContentOnly() && c.usContentHeading() == null) {
            throw Problems.badRequest("usContentHeading", "is required when nonUsContentOnly is true (e.g. 9903.01.34)");
        }
        row.program = Program.valueOf(c.program());
        row.heading = c.heading();
        row.htsPrefix = c.htsPrefix();
        row.originCountries = c.originCountries().stream().distinct().sorted().toArray(String[]::new);
        row.ratePercent = c.ratePercent();
        row.effectiveFrom = c.effectiveFrom();
        row.effectiveTo = c.effectiveTo();
        row.legalReference = c.legalReference();
        row.sourceNote = c.sourceNote() == null ? "" : c.sourceNote();
        row.confirmed = c.confirmed();
        row.refundable = c.refundable();
        row.drawbackEligible = c.drawbackEligible();
        row.nonUsContentOnly = c.nonUsContentOnly();
        row.usContentHeading = c.usContentHeading();
    }

    private static void refuseOverlap(DutyMeasure row, List<Long> except) {
        Measure candidate = row.toMeasure();
        List<DutyMeasure> same = DutyMeasure.list("program", row.program);
        for (DutyMeasure other : same) {
            if (other == row || except.contains(other.id)) {
                continue;
            }
            if (candidate.clashesWith(other.toMeasure())) {
                throw conflict("effectiveFrom", "overlaps duty rate " + other.id + " (" + other.program + " "
                        + other.heading + ", " + other.effectiveFrom + " to "
                        + (other.effectiveTo == null ? "open" : other.effectiveTo) + ", HTS " + other.htsPrefix
                        + ") for a common origin: a line would carry " + other.program + " twice");
            }
        }
    }
}
