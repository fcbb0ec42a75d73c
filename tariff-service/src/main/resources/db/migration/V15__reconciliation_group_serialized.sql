-- V14's reconciliation_group kept under concurrent ledger writes of one organisation (READ COMMITTED).
-- (a) Stale dates: the group upsert reads first_date/last_date back from the rollup with its statement's
-- snapshot; a transaction B that waited on A's uncommitted group row and then updated it set last_date to a
-- max that did not see A's rows, so the stored range could be narrower than the group's rows and a range
-- ending between the two read the group as wholly in range with its all-time sums (ReconciliationQuery.SORTED).
-- (b) Deadlocks: each ledger statement fires the trigger, and two transactions of one organisation lock the
-- same group rows (program MFN, origin CN, ...) whatever their dates, in the order of their statements.
-- The same function as V14's, plus:
-- 1. first, a transaction-scoped advisory lock per organisation of the statement's rows (key: the two-int
--    form, class 7, hashtext(org); taken in key order when a statement holds several orgs). One
--    organisation's ledger writes are thus serialized from their first ledger statement to commit: each later
--    statement of the trigger takes its snapshot after the lock and sees the other's committed rows, and two
--    transactions of one org never hold group or rollup rows at the same time, so never in opposite orders.
--    Two orgs whose hashes collide only wait on each other; the two-int form never meets the one-bigint keys
--    (EntryStore, LiquidationBackfill, Flyway).
-- 2. as a belt, the stored range only ever widens: first_date = least(stored, recomputed), last_date =
--    greatest(stored, recomputed) (both ignore nulls), and null when the group has no ledger rows left (as
--    V14 recomputes it, so a group without rows is in neither branch of SORTED). A too-wide range is safe: a
--    group whose stored range lies within [from, to] has all its rows there (its stored sums are the range's),
--    and one whose stored range straddles an end is grouped from its rollup rows in the range, which are exact.

create or replace function reconciliation_rollup_apply() returns trigger language plpgsql as $$
declare
    source text := case tg_op
        when 'INSERT' then 'select 1 as sign, n.* from new_rows n'
        when 'DELETE' then 'select -1 as sign, o.* from old_rows o'
        else 'select 1 as sign, n.* from new_rows n union all select -1, o.* from old_rows o' end;
    keyed text := $k$
    from (%s) d
    join customs_entry e on e.id = d.entry_id
    cross join lateral (values
        ('order', d.order_id::text),
        ('shipment', coalesce(d.shipment_id::text, '')),
        ('entry', substr(e.entry_number, 1, 3) || '-' || substr(e.entry_number, 4, 7) || '-' || substr(e.entry_number, 11, 1)),
        ('origin', d.origin::text),
        ('program', d.program::text),
        ('manufacturer', d.manufacturer::text)) g(group_by, group_key)
    where d.kind <> 'ENGINE'
    $k$;
    sums text := $s$
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'ESTIMATED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'DECLARED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'PAID'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'BILLED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'REFUNDED'), 0)
    $s$;
    lock_key integer;
begin
    -- 1. one organisation's ledger writes in turn (see above); the lock is held until commit or rollback
    for lock_key in execute format('select distinct hashtext(d.org) from (%s) d order by 1', source) loop
        perform pg_advisory_xact_lock(7, lock_key);
    end loop;
    execute format($q$
    insert into reconciliation_rollup as r (org, group_by, group_key, program, heading, entry_date, ledger_rows,
                                            estimated, declared, paid, billed, refunded)
    select d.org, g.group_by, g.group_key, d.program, d.heading, d.entry_date, sum(d.sign), %s
    %s
    group by d.org, g.group_by, g.group_key, d.program, d.heading, d.entry_date
    -- rollup rows locked in key order, so two transactions cannot deadlock on them within one statement
    order by d.org, g.group_by, g.group_key, d.program, d.heading, d.entry_date
    on conflict on constraint reconciliation_rollup_key do update
        set ledger_rows = r.ledger_rows + excluded.ledger_rows,
            estimated = r.estimated + excluded.estimated,
            declared = r.declared + excluded.declared,
            paid = r.paid + excluded.paid,
            billed = r.billed + excluded.billed,
            refunded = r.refunded + excluded.refunded
    $q$, sums, format(keyed, source));
    -- the groups: sums by the same signed rows; first and last date read from the rollup just written
    execute format($q$
    insert into reconciliation_group as t (org, group_by, group_key, program, heading, first_date, last_date, ledger_rows,
                                           estimated, declared, paid, billed, refunded)
    select x.org, x.group_by, x.group_key, x.program, x.heading,
           (select min(k.entry_date) from reconciliation_rollup k where k.org = x.org and k.group_by = x.group_by
               and k.group_key = x.group_key and k.program = x.program and k.heading = x.heading and k.ledger_rows <> 0),
           (select max(k.entry_date) from reconciliation_rollup k where k.org = x.org and k.group_by = x.group_by
               and k.group_key = x.group_key and k.program = x.program and k.heading = x.heading and k.ledger_rows <> 0),
           x.ledger_rows, x.estimated, x.declared, x.paid, x.billed, x.refunded
    from (select d.org, g.group_by, g.group_key, d.program, d.heading, sum(d.sign) as ledger_rows, %s
          %s
          group by d.org, g.group_by, g.group_key, d.program, d.heading) x(org, group_by, group_key, program, heading,
                                                                           ledger_rows, estimated, declared, paid, billed, refunded)
    -- group rows locked in key order too
    order by x.org, x.group_by, x.group_key, x.program, x.heading
    on conflict on constraint reconciliation_group_key do update
        -- 2. never narrower than the group's rows (see above); no dates once it has no rows
        set first_date = case when t.ledger_rows + excluded.ledger_rows <> 0 then least(t.first_date, excluded.first_date) end,
            last_date = case when t.ledger_rows + excluded.ledger_rows <> 0 then greatest(t.last_date, excluded.last_date) end,
            ledger_rows = t.ledger_rows + excluded.ledger_rows,
            estimated = t.estimated + excluded.estimated,
            declared = t.declared + excluded.declared,
            paid = t.paid + excluded.paid,
            billed = t.billed + excluded.billed,
            refunded = t.refunded + excluded.refunded
    $q$, sums, format(keyed, source));
    return null;
end
$$;
