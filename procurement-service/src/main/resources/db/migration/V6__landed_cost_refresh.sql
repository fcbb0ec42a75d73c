-- Received rigs' landed cost follows the customs entries' allocation (receipt.LandedCostRefresh):
-- what each registered rig's asset in inventory-service was last given (registration sets it), so a
-- refresh sends only a change; and when each order with registered rigs is looked at next.
alter table shipment_rig
    add column pushed_price numeric(15,2),
    add column pushed_duty  numeric(15,2),
    add column pushed_fees  numeric(15,2);
alter table purchase_order add column landed_cost_after timestamptz;
create index purchase_order_landed_cost_due on purchase_order (landed_cost_after) where landed_cost_after is not null;
