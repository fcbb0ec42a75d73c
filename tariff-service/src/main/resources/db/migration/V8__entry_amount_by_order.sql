-- GET /api/entries?purchaseOrderId=... (procurement reads the entries covering an order to compute
-- landed cost): the entries with a DECLARED ledger row for that order, found by this index.
create index entry_amount_by_order on entry_amount (org, order_id, kind, entry_id);
