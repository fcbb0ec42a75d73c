package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every open deadline of an organisation's entries ({@link Deadlines}) falling due from today (UTC)
 * to a number of days ahead, soonest first.
 */
@ApplicationScoped
public class DeadlineService {

    /** At most ten years ahead. */
    static final int MAX_DAYS = 3650;

    @Inject
    EntryStore store;

    /** One deadline of one entry. */
    public record DueView(UUID entryId, String entryNumber, String kind, LocalDate due, int daysLeft, String rule, boolean estimated) {
    }

    public record DueList(LocalDate from, LocalDate to, List<DueView> items) {
    }

    /**
     * @param within a number of days such as 30d (1d to 3650d; 30d when absent)
     * @throws io.rigledger.platform.problem.ProblemException 400 naming within otherwise
     */
    @Transactional
    public DueList list(String org, String within) {
        int days = days(within);
        LocalDate today = store.today();
        LocalDate to = today.plusDays(days);
        // candidates only: entries whose entry date or liquidation date puts one rule's date in the window
        List<CustomsEntry> entries = CustomsEntry.list("org = ?1 and (entryDate >= ?2 or (entryDate >= ?3 and entryDate <= ?4)"
                        + " or liquidationDate >= ?5)", org, today.minusYears(1).minusDays(1),
                today.minusYears(Deadlines.DRAWBACK_YEARS).minusDays(1), to.minusYears(Deadlines.DRAWBACK_YEARS),
                today.minusDays(Deadlines.PROTEST_DAYS));
        List<DueView> out = new ArrayList<>();
        for (CustomsEntry e : entries) {
            for (Deadlines.Deadline d : Deadlines.of(new Deadlines.Facts(e.entryDate, e.status, e.liquidationDate, e.hasIeepa))) {
                if (!d.due().isBefore(today) && !d.due().isAfter(to)) {
                    out.add(new DueView(e.id, EntryNumber.display(e.entryNumber), d.kind(), d.due(),
                            (int) (d.due().toEpochDay() - today.toEpochDay()), d.rule(), d.estimated()));
                }
            }
        }
        out.sort(Comparator.comparing(DueView::due).thenComparing(DueView::entryNumber).thenComparing(DueView::kind));
        return new DueList(today, to, out);
    }

    static int days(String within) {
        if (within == null || within.isEmpty()) {
            return 30;
        }
        if (!within.matches("^[1-9][0-9]{0,3}d$") || Integer.parseInt(within.substring(0, within.length() - 1)) > MAX_DAYS) {
            throw Problems.badRequest("within", "must be a number of days such as 30d, from 1d to " + MAX_DAYS + "d");
        }
        return Integer.parseInt(within.substring(0, within.length() - 1));
    }
}
