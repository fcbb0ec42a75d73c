package io.rigledger.tariff.entry;

import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every open deadline of an organisation's entries ({@link Deadlines}) falling due from today (UTC)
 * to a number of days ahead, soonest first (due date, then entry number, then kind), a page at a
 * time: the platform's keyset cursor carries the last row's due date, entry number and kind. Only the
 * page's rows are read: {@link DueDates} finds them in SQL (limit and cursor), {@link Deadlines#of}
 * confirms each with the entry's facts.
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

    @Inject
    DueDates dueDates;

    /** One deadline of one entry. */
    public record DueView(UUID entryId, String entryNumber, String kind, LocalDate due, int daysLeft, String rule, boolean estimated) {
    }

    /**
     * A deadline {@link DueDates} found possible, before {@link Deadlines#of} confirms it; entryNumber as stored; facts:
     * its entry's columns the rules read (null for a cursor's position).
     */
    record Candidate(UUID entryId, String entryNumber, String kind, LocalDate due, EntryFacts facts) {
    }

    /** What {@link Deadlines.Facts} takes from an entry's columns: protestFiled: a protest is stored; audited: an origin audit is. */
    record EntryFacts(LocalDate entryDate, EntryStatus status, LocalDate liquidationDate, boolean protestFiled, boolean audited) {
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
        LocalDate today = store.today();
        LocalDate to = today.plusDays(days);
        CursorScope scope = CursorScope.of(org, "deadlines", days);
        DueView after = after(paging.after(cursor, 3, scope));
        Candidate from = after == null ? new Candidate(null, "", "", today.minusDays(1), null)
                : new Candidate(null, EntryNumber.normalise(after.entryNumber()).orElseThrow(Paging::invalidCursor), after.kind(), after.due(),
                        null);
        // SQL finds the page's possible deadlines in order (DueDates); Deadlines.of confirms each, so a batch may
        // come back short (a CAPE deadline of an entry no longer owing IEEPA duty) and the next one is read after it
        List<DueView> out = new ArrayList<>();
        while (out.size() <= limit) {
            List<Candidate> found = dueDates.after(org, today, to, from, limit + 1);
            out.addAll(confirmed(found, today));
            if (found.size() <= limit) {
                break;
            }
            from = found.get(found.size() - 1);
        }
        var page = paging.page(out.size() > limit + 1 ? out.subList(0, limit + 1) : out, limit, scope,
                v -> new String[] {v.due().toString(), v.entryNumber(), v.kind()}, v -> v);
        return new DueList(today, to, page.items(), page.nextCursor());
    }

    /**
     * The candidates {@link Deadlines#of} gives their entry on {@code today} (same kind, same date), in their order. The
     * facts are the candidates' own columns; only an entry with a CAPE candidate is read whole, for the IEEPA duty it
     * still owes (its summary and ledger, one query each for all of them) and its refund claims; CAPE is the only
     * deadline that depends on them, so every other entry's facts say no CAPE.
     */
    private List<DueView> confirmed(List<Candidate> found, LocalDate today) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<UUID> cape = found.stream().filter(c -> c.kind().equals("CAPE")).map(Candidate::entryId).distinct().toList();
        Map<UUID, Boolean> capeOpen = new HashMap<>();
        if (!cape.isEmpty()) {
            List<CustomsEntry> entries = CustomsEntry.list("id in ?1", cape);
            Map<UUID, Map<String, BigDecimal>> ieepa = owed.ieepaByHeading(entries.stream().filter(e -> e.hasIeepa).toList());
            entries.forEach(e -> capeOpen.put(e.id, views.facts(e, ieepa.getOrDefault(e.id, Map.of()), today).capeOpen()));
        }
        // each entry's deadlines computed once, however many of its kinds are candidates
        Map<UUID, List<Deadlines.Deadline>> open = new HashMap<>();
        List<DueView> out = new ArrayList<>();
        for (Candidate c : found) {
            EntryFacts f = c.facts();
            List<Deadlines.Deadline> deadlines = open.computeIfAbsent(c.entryId(), id -> Deadlines.of(new Deadlines.Facts(f.entryDate(),
                    f.status(), f.liquidationDate(), capeOpen.getOrDefault(id, false), f.protestFiled(), f.audited(), today)));
            deadlines.stream().filter(d -> d.kind().equals(c.kind()) && d.due().equals(c.due())).findFirst()
                    .ifPresent(d -> out.add(new DueView(c.entryId(), EntryNumber.display(c.entryNumber()), d.kind(), d.due(),
                            (int) (d.due().toEpochDay() - today.toEpochDay()), d.rule(), d.estimated())));
        }
        return out;
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
