-- An origin audit that lowered the duty in all (its dutyDifference below 0) is an excessive deposit: since V10 its
-- differences are CREDITED ledger rows (counted by no reconciliation column until an ORIGIN_AUDIT refund claim is
-- received), not BILLED rows (a negative supplementary bill). An entry audited that way before V10 still has the BILLED
-- rows the audit wrote, the same rows (per order line and layer) with the other kind; they become CREDITED here, as the
-- service writes them today. Only where those audits are the entry's only billing step (no origin audit that raised the
-- duty, no liquidation with a supplementary bill): there every BILLED row other than interest is theirs. Interest stays
-- BILLED, as the service writes it. The rollup's triggers take the rows out of the billed column in this statement.
update entry_amount a
set kind = 'CREDITED'
from customs_entry e
where a.entry_id = e.id
  and a.kind = 'BILLED'
  and a.program <> 'INTEREST'
  and exists (select 1 from jsonb_array_elements(e.origin_audits::jsonb) x where (x ->> 'dutyDifference')::numeric < 0)
  and not exists (select 1 from jsonb_array_elements(e.origin_audits::jsonb) x where (x ->> 'dutyDifference')::numeric >= 0)
  and coalesce((e.liquidation::jsonb ->> 'supplementaryBill')::numeric, 0) = 0;
