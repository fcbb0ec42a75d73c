-- A rig that comes back (from RMA, with the same maker's serial) ships again on a new shipment and
-- is received onto its existing asset. A serial is therefore unique per organisation and maker only
-- while it is in transit (SHIPPED): the partial unique index catches a race between two shipments
-- of one serial; each shipment holds a serial once (its primary key), and each receipt sends a rig to
-- inventory-service once (the outbox's unique key).
alter table shipment_rig drop constraint shipment_rig_pkey;
alter table shipment_rig add primary key (shipment_id, manufacturer, serial_number);
create unique index shipment_rig_in_transit on shipment_rig (org, manufacturer, serial_number) where status = 'SHIPPED';
-- earlier shipments of a serial (a returning rig's history)
create index shipment_rig_by_serial on shipment_rig (org, manufacturer, serial_number);

alter table rig_outbox drop constraint rig_outbox_org_manufacturer_serial_number_key;
alter table rig_outbox add constraint rig_outbox_once_per_receipt unique (receipt_id, manufacturer, serial_number);
