-- Several refund claims per entry (a CAPE claim beside the refund a liquidation made due, a second CAPE
-- claim for IEEPA duty an origin audit billed after the first was refunded, the refund of what an origin
-- audit lowered): customs_entry.refunds holds them as a JSON array, each numbered by "claim" (1, 2, ...)
-- in the order requested. The single refund of before becomes claim 1.
alter table customs_entry add column refunds text not null default '[]';
update customs_entry set refunds = jsonb_build_array(refund::jsonb || '{"claim":1}'::jsonb)::text where refund is not null;

-- What a CAPE refund takes off what the entry owes is now its own ledger kind, REMOVED (negative, per
-- order line: CBP removes the IEEPA lines and reliquidates), so REFUNDED rows of any claim only feed the
-- reconciliation's refunded column and never depend on which kind of claim they came from. A CAPE
-- refund received before this migration took its principal off through its REFUNDED rows (read as
-- negative while the entry's one refund was CAPE): the same amounts, negated, become its REMOVED rows.
insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id, order_line, shipment_id, origin,
                          manufacturer, amount)
select a.org, a.entry_id, a.entry_date, 'REMOVED', a.program, a.heading, a.order_id, a.order_line, a.shipment_id, a.origin,
       a.manufacturer, -a.amount
from entry_amount a
join customs_entry e on e.id = a.entry_id
where a.kind = 'REFUNDED' and a.program <> 'INTEREST' and e.refund::jsonb ->> 'kind' = 'CAPE';

alter table customs_entry drop column refund;
