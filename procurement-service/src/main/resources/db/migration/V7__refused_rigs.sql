-- A rig inventory-service already holds in the fleet (received on another order and not back from
-- RMA) is not received again on a new order: inventory answers it replayed, with conflicts naming the
-- order it was registered on. That receipt rig becomes REFUSED with inventory's reason, never
-- REGISTERED with the old asset id.
alter table shipment_rig drop constraint shipment_rig_status_check;
alter table shipment_rig add constraint shipment_rig_status_check
    check (status in ('SHIPPED', 'RECEIVED', 'REGISTERED', 'REFUSED'));
alter table shipment_rig add column refused_reason varchar(500);
