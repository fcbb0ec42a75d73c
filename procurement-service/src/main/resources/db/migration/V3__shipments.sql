-- Shipments of an order's rigs, each rig by its maker's serial. A serial is shipped once per
-- organisation and maker (the primary key of shipment_rig), the key inventory-service registers
-- rigs by. Each order line counts what shipped and what was received, updated under the order's
-- row lock, so concurrent shipments never ship more than was ordered.
-- PARTIALLY_SHIPPED and PARTIALLY_RECEIVED are longer than V2's varchar(16)
alter table purchase_order alter column status type varchar(20);

alter table purchase_order_line
    add column shipped  integer not null default 0 check (shipped >= 0),
    add column received integer not null default 0 check (received >= 0),
    add constraint purchase_order_line_flow check (received <= shipped and shipped <= quantity);

create table shipment (
    id              uuid         primary key,
    org             varchar(255) not null,
    order_id        uuid         not null references purchase_order (id),
    carrier         varchar(100) not null,
    tracking_number varchar(64)  not null,
    transport_mode  varchar(8)   not null check (transport_mode in ('OCEAN', 'AIR', 'TRUCK', 'RAIL')),
    export_date     date         not null,
    rig_count       integer      not null check (rig_count between 1 and 10000),
    created_at      timestamptz  not null,
    created_by      varchar(255) not null
);
-- GET /api/purchase-orders/{id}/shipments: oldest first, keyset on (created_at, id)
create index shipment_by_order on shipment (order_id, created_at, id);

create table shipment_rig (
    org           varchar(255) not null,
    manufacturer  varchar(16)  not null,
    serial_number varchar(64)  not null,
    shipment_id   uuid         not null references shipment (id),
    order_id      uuid         not null,
    line_number   integer      not null,
    rig_on_line   integer      not null check (rig_on_line >= 1),
    mac           varchar(17),
    status        varchar(10)  not null default 'SHIPPED' check (status in ('SHIPPED', 'RECEIVED', 'REGISTERED')),
    -- set by a receipt (site, receipt_id) and by inventory-service's confirmation (asset_id)
    receipt_id    uuid,
    site          varchar(32),
    asset_id      varchar(22),
    primary key (org, manufacturer, serial_number),
    unique (order_id, line_number, rig_on_line),
    foreign key (order_id, line_number) references purchase_order_line (order_id, line_number)
);
create index shipment_rig_by_shipment on shipment_rig (shipment_id, line_number, rig_on_line);
