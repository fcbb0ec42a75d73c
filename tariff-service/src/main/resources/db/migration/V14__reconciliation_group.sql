-- The reconciliation's groups over all their dates (issue 13: sort=-variance grouped the whole range on every
-- request). One row per organisation, grouping, group key and layer (program, heading): the sums of the
-- group's reconciliation_rollup rows (V7) over every entry date, their ledger rows, and the first and last
-- entry date that has ledger rows (null when none has). Kept by the same statement triggers as the rollup, in
-- the same transaction, right after it: the sums by the statement's signed ledger rows, the dates read back
-- from the rollup's key (two index probes per group). A group whose dated rows all lie within a range has
-- exactly these sums there, so a page sorted by any column but the group reads them in that column's
-- order instead of grouping the range; only groups that straddle the range's ends are grouped from the
-- rollup (ReconciliationQuery.SORTED).
create table reconciliation_group (
    org         varchar(64)   not null,
    group_by    varchar(12)   not null,
    group_key   varchar(100)  not null,
    program     varchar(30)   not null,
    heading     varchar(12)   not null,
    first_date  date,
    last_date   date,
    ledger_rows bigint        not null,
    estimated   numeric(19,2) not null,
    declared    numeric(19,2) not null,
    paid        numeric(19,2) not null,
    billed      numeric(19,2) not null,
    refunded    numeric(19,2) not null,
    -- ReconciliationRow.variance: what the layer finally costs against the estimate
    variance    numeric(19,2) generated always as (declared + billed - refunded - estimated) stored,
    constraint reconciliation_group_key primary key (org, group_by, group_key, program, heading)
);
-- the console's sort=-variance: the page's groups are the first ones of this index that lie in the range
create index reconciliation_group_by_variance on reconciliation_group (org, group_by, variance desc, group_key, program, heading);
-- the groups that straddle a range's start (first_date before it, last_date on or after it)
create index reconciliation_group_by_first_date on reconciliation_group (org, group_by, first_date);

-- V7's trigger function, now keeping both tables: the rollup as before, then the groups the statement touched.
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
begin
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
        set first_date = excluded.first_date,
            last_date = excluded.last_date,
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

-- The groups of the ledger written before this migration, from the rollup.
insert into reconciliation_group (org, group_by, group_key, program, heading, first_date, last_date, ledger_rows,
                                  estimated, declared, paid, billed, refunded)
select k.org, k.group_by, k.group_key, k.program, k.heading,
       min(k.entry_date) filter (where k.ledger_rows <> 0), max(k.entry_date) filter (where k.ledger_rows <> 0),
       sum(k.ledger_rows), sum(k.estimated), sum(k.declared), sum(k.paid), sum(k.billed), sum(k.refunded)
from reconciliation_rollup k
group by k.org, k.group_by, k.group_key, k.program, k.heading;
analyze reconciliation_group;
