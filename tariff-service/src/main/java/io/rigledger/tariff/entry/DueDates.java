package io.rigledger.tariff.entry;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The deadlines an organisation's entries can have in a window, found in SQL a page at a time for
 * {@link DeadlineService}: each entry's dates by the rules of {@link Deadlines} (the same day counts, from
 * the date of entry or of liquidation), left out where the entry's columns already rule the deadline out
 * (liquidated, protested, no IEEPA duty, a status that cannot be protested); sorted by due date, entry number
 * and kind (byte order, as Java compares them) after a keyset position, at most {@code limit}; each with the entry's
 * columns the rules read (dates, status, whether protested or audited). What needs the entry's ledger (the IEEPA duty
 * still owed, for a CAPE deadline) is left to {@link DeadlineService}, and each date is confirmed by {@link Deadlines#of}.
 * Only the entries that can have a deadline in the window are read: each due date is a fixed number of days or
 * years after the date of entry or of liquidation, so the window is turned into date ranges of those two columns
 * (customs_entry_by_date, V6; customs_entry_by_liquidation, V13), not a scan of every entry of the organisation.
 */
@ApplicationScoped
public class DueDates {

    private static final String SQL = """
            select e.id, e.entry_number, d.kind, d.due, e.entry_date, e.status, e.liquidation_date, e.protest is not null,
                   case when jsonb_typeof(e.origin_audits::jsonb) = 'array' then jsonb_array_length(e.origin_audits::jsonb) > 0
                        else false end
            from customs_entry e
            cross join lateral (select cast(e.entry_date + make_interval(years => ?14) as date) as deemed) y
            cross join lateral (values
                ('POST_SUMMARY_CORRECTION', e.entry_date + ?4),
                ('EXPECTED_LIQUIDATION', e.entry_date + ?5),
                ('DEEMED_LIQUIDATION', y.deemed),
                ('CAPE', case when e.liquidation_date is not null then e.liquidation_date + ?6
                              when y.deemed <= ?2 then y.deemed + ?6
                              else e.entry_date + ?5 + ?6 end),
                ('PROTEST', coalesce(e.liquidation_date, y.deemed) + ?7),
                ('DRAWBACK', cast(e.entry_date + make_interval(years => ?13) as date))
            ) as d(kind, due)
            where e.org = ?1 and d.due between ?2 and ?3
              -- only the entries with a date that can put a deadline in the window (index range scans; a superset,
              -- the exact due date is checked above): n years after a date are 365 n to 366 n days after it
              and (e.entry_date between cast(?2 as date) - ?4 and cast(?3 as date) - ?4
                   or e.entry_date between cast(?2 as date) - ?5 and cast(?3 as date) - ?5
                   or e.entry_date between cast(?2 as date) - ?5 - ?6 and cast(?3 as date) - ?5 - ?6
                   or e.entry_date between cast(?2 as date) - 366 * ?14 and cast(?3 as date) - 365 * ?14
                   or e.entry_date between cast(?2 as date) - 366 * ?14 - ?6 and cast(?3 as date) - 365 * ?14 - ?6
                   or e.entry_date between cast(?2 as date) - 366 * ?14 - ?7 and cast(?3 as date) - 365 * ?14 - ?7
                   or e.entry_date between cast(?2 as date) - 366 * ?13 and cast(?3 as date) - 365 * ?13
                   or e.liquidation_date between cast(?2 as date) - ?6 and cast(?3 as date) - ?6
                   or e.liquidation_date between cast(?2 as date) - ?7 and cast(?3 as date) - ?7)
              and (e.liquidation_date is null or d.kind in ('CAPE', 'PROTEST', 'DRAWBACK'))
              and (d.kind <> 'POST_SUMMARY_CORRECTION' or y.deemed > ?2)
              and (d.kind <> 'CAPE' or e.has_ieepa)
              and (d.kind <> 'PROTEST' or (e.protest is null and e.status in (?8)
                                           and (e.liquidation_date is not null or y.deemed <= ?2)))
              and (d.due > ?9 or (d.due = ?9 and (e.entry_number collate "C" > ?10
                   or (e.entry_number = ?10 and d.kind collate "C" > ?11))))
            order by d.due, e.entry_number collate "C", d.kind collate "C"
            limit ?12
            """;

    /**
     * At most {@code limit} possible deadlines of {@code org}'s entries due from {@code today} to {@code to}
     * (inclusive) that sort after {@code after} (its due date, stored entry number and kind), each with the columns of
     * its entry the due-date rules read (no JSON but whether an origin audit is recorded).
     */
    @SuppressWarnings("unchecked")
    List<DeadlineService.Candidate> after(String org, LocalDate today, LocalDate to, DeadlineService.Candidate after, int limit) {
        List<Object[]> rows = CustomsEntry.getEntityManager().createNativeQuery(SQL)
                .setParameter(1, org).setParameter(2, today).setParameter(3, to)
                .setParameter(4, (int) Deadlines.correctionDue(LocalDate.EPOCH).toEpochDay())
                .setParameter(5, Deadlines.EXPECTED_LIQUIDATION_DAYS)
                .setParameter(6, Deadlines.CAPE_DAYS)
                .setParameter(7, Deadlines.PROTEST_DAYS)
                .setParameter(8, Deadlines.PROTESTABLE.stream().map(Enum::name).toList())
                .setParameter(9, after.due()).setParameter(10, after.entryNumber()).setParameter(11, after.kind())
                .setParameter(12, limit)
                .setParameter(13, Deadlines.DRAWBACK_YEARS)
                .setParameter(14, Deadlines.DEEMED_LIQUIDATION_YEARS)
                .getResultList();
        return rows.stream().map(r -> new DeadlineService.Candidate((UUID) r[0], r[1].toString(), r[2].toString(), date(r[3]),
                        new DeadlineService.EntryFacts(date(r[4]), EntryStatus.valueOf(r[5].toString()), date(r[6]), (Boolean) r[7],
                                (Boolean) r[8])))
                .toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
