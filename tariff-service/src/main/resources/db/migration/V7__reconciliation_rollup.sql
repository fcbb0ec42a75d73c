-- The reconciliation's rollup: the duty ledger (entry_amount, without the ENGINE kind) summed per
-- organisation, grouping (order, shipment, entry, origin, program, manufacturer), group key, layer
-- (program, heading) and entry date, one column per kind. Kept by statement triggers on
-- entry_amount in the same transaction as every ledger write, so it never disagrees with the
-- ledger. The reconciliation reads it in primary-key order, which is the order of its rows, so a
-- group is complete and sent as soon as the scan passes it: the first row leaves at once instead of
-- after a GROUP BY and sort of the whole ledger. ledger_rows counts the ledger rows behind a rollup
-- row (a group whose rows were all replaced by a correction has 0 and is not shown).
create table reconciliation_rollup (
    org         varchar(64)   not null,
    group_by    varchar(12)   not null,
    group_key   varchar(100)  not null,
    program     varchar(30)   not null,
    heading     varchar(12)   not null,
    entry_date  date          not null,
    ledger_rows bigint        not null,
    estimated   numeric(19,2) not null,
    declared    numeric(19,2) not null,
    paid        numeric(19,2) not null,
    billed      numeric(19,2) not null,
    refunded    numeric(19,2) not null,
    constraint reconciliation_rollup_key primary key (org, group_by, group_key, program, heading, entry_date)
);

-- Adds a statement's ledger rows, signed (+1 new, -1 old), under each of the six group keys. The
-- entry grouping's key is the entry number as written on the 7501 (XXX-NNNNNNN-N). Only the
-- transition tables the trigger declares exist, so the source is chosen by the operation.
create function reconciliation_rollup_apply() returns trigger language plpgsql as $$
declare
    source text := case tg_op
        when 'INSERT' then 'select 1 as sign, n.* from new_rows n'
        when 'DELETE' then 'select -1 as sign, o.* from old_rows o'
        else 'select 1 as sign, n.* from new_rows n union all select -1, o.* from old_rows o' end;
begin
    execute format($q$
    insert into reconciliation_rollup as r (org, group_by, group_key, program, heading, entry_date, ledger_rows,
                                            estimated, declared, paid, billed, refunded)
    select d.org, g.group_by, g.group_key, d.program, d.heading, d.entry_date, sum(d.sign),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'ESTIMATED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'DECLARED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'PAID'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'BILLED'), 0),
           coalesce(sum(d.sign * d.amount) filter (where d.kind = 'REFUNDED'), 0)
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
    $q$, source);
    return null;
end
$$;

create trigger entry_amount_rollup_insert after insert on entry_amount
    referencing new table as new_rows for each statement execute function reconciliation_rollup_apply();
create trigger entry_amount_rollup_update after update on entry_amount
    referencing old table as old_rows new table as new_rows for each statement execute function reconciliation_rollup_apply();
create trigger entry_amount_rollup_delete after delete on entry_amount
    referencing old table as old_rows for each statement execute function reconciliation_rollup_apply();

-- The ledger written before this migration.
insert into reconciliation_rollup (org, group_by, group_key, program, heading, entry_date, ledger_rows,
                                   estimated, declared, paid, billed, refunded)
select a.org, g.group_by, g.group_key, a.program, a.heading, a.entry_date, count(*),
       coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0),
       coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0),
       coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0),
       coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0),
       coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0)
from entry_amount a
join customs_entry e on e.id = a.entry_id
cross join lateral (values
    ('order', a.order_id::text),
    ('shipment', coalesce(a.shipment_id::text, '')),
    ('entry', substr(e.entry_number, 1, 3) || '-' || substr(e.entry_number, 4, 7) || '-' || substr(e.entry_number, 11, 1)),
    ('origin', a.origin::text),
    ('program', a.program::text),
    ('manufacturer', a.manufacturer::text)) g(group_by, group_key)
where a.kind <> 'ENGINE'
group by a.org, g.group_by, g.group_key, a.program, a.heading, a.entry_date;
