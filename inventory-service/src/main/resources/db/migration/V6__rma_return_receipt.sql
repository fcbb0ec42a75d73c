-- The receipt that brought a rig back from RMA, on its STATUS_CHANGED event (registerRigBatch's
-- rmaReturnReceipt). A replay of the same receipt finds it and is answered returnedFromRma again, so
-- procurement-service, whose first answer was lost, does not take its own RMA return for a rig the
-- fleet held already. Events written before this column named the receipt only in their reason.
alter table rig_event add column rma_return_receipt varchar(64);
update rig_event set rma_return_receipt = substring(reason from '^returned from RMA, receipt (.+)$')
where kind = 'STATUS_CHANGED' and reason like 'returned from RMA, receipt %';
create index rig_event_rma_return on rig_event (rig_id, rma_return_receipt) where rma_return_receipt is not null;
