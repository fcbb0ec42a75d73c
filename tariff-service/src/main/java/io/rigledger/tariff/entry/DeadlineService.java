package io.rigledger.tariff.entry;

import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every open deadline of an organisation's entries ({@link Deadlines}) falling due from today (UTC)
 * to a number of days ahead, soonest first (due date, then entry number, then kind), a page at a
 * time: the platform's keyset cursor carries the last row's due date, entry number and kind.
 */
@ApplicationScoped
public class DeadlineService {

    /** At most ten years ahead. */
    static final int MAX_DAYS = 3650;

    @Inject
    EntryStore store;

    @Inject
    Paging paging;

    @Inject
    Owed owed;

    @Inject
    EntryViews views;

    private static final Comparator<DueView> ORDER = Comparator.comparing(DueView::due).thenComparing(DueView::entryNumber)
            .thenComparing(DueView::kind);

    /** One deadline of one entry. */
    public record DueView(UUID entryId, String entryNumber, String kind, LocalDate due, int daysLeft, String rule, boolean estimated) {
    }

    /** One page; nextCursor is null (absent) on the last page. */
    public record DueList(LocalDate from, LocalDate to, List<DueView> items, String nextCursor) {
    }

    /**
     * @param within    a number of days such as 30d (1d to 3650d; 30d when absent)
     * @param limitText the page size as written (platform default and cap)
     * @param cursor    the previous page's nextCursor, or null for the first page
     * @throws io.rigledger.platform.problem.ProblemException 400 naming within, limit or cursor when malformed
     */
    @Transactional
    public DueList list(String org, String within, String limitText, String cursor) {
        int days = days(within);
        int limit = paging.limit(limitText);
        DueView after = after(paging.after(cursor, 3));
        LocalDate today = store.today();
        LocalDate to = today.plusDays(days);
        // candidates only: entries whose entry date or liquidation date puts one rule's date in the window
        // (the latest from the entry date: PROTEST, 180 days after the deemed liquidation a year after entry)
        List<CustomsEntry> entries = CustomsEntry.list("org = ?1 and (entryDate >= ?2 or (entryDate >= ?3 and entryDate <= ?4)"
                        + " or liquidationDate >= ?5)", org, today.minusYears(1).minusDays(Deadlines.PROTEST_DAYS + 1),
                today.minusYears(Deadlines.DRAWBACK_YEARS).minusDays(1), to.minusYears(Deadlines.DRAWBACK_YEARS),
                today.minusDays(Deadlines.PROTEST_DAYS));
        List<DueView> out = new ArrayList<>();
        // the IEEPA duty still owed of the entries that had any, one ledger query for all
        Map<UUID, Map<String, BigDecimal>> ieepa = owed.ieepaByHeading(entries.stream().filter(e -> e.hasIeepa).toList());
        for (CustomsEntry e : entries) {
            for (Deadlines.Deadline d : Deadlines.of(views.facts(e, ieepa.getOrDefault(e.id, Map.of()), today))) {
                DueView due = new DueView(e.id, EntryNumber.display(e.entryNumber), d.kind(), d.due(),
                        (int) (d.due().toEpochDay() - today.toEpochDay()), d.rule(), d.estimated());
                if (!d.due().isBefore(today) && !d.due().isAfter(to) && (after == null || ORDER.compare(due, after) > 0)) {
                    out.add(due);
                }
            }
        }
        out.sort(ORDER);
        var page = paging.page(out.size() > limit + 1 ? out.subList(0, limit + 1) : out, limit,
                v -> new String[] {v.due().toString(), v.entryNumber(), v.kind()}, v -> v);
        return new DueList(today, to, page.items(), page.nextCursor());
    }

    /** The sort key of the previous page's last row (only due, entry number and kind are compared). */
    private static DueView after(CursorKey key) {
        if (key == null) {
            return null;
        }
        try {
            return new DueView(null, key.text(1), key.text(2), LocalDate.parse(key.text(0)), 0, null, false);
        } catch (DateTimeParseException e) {
            throw Paging.invalidCursor();
        }
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
