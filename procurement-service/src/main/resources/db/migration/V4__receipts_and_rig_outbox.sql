-- Receipts of shipped rigs at a site, and the transactional outbox that registers each received
-- rig in inventory-service. A receipt, its rigs' new state and their outbox rows commit together
-- or not at all; the delivery job (RigDelivery) then posts the rows to inventory-service's
-- idempotent batch endpoint (registerRigBatch, idempotent on maker and serial) until it confirms
-- each one, so a crash or an outage loses no rig and registers none twice.
create table receipt (
    id          uuid         primary key,
    org         varchar(255) not null,
    shipment_id uuid         not null references shipment (id),
    order_id    uuid         not null references purchase_order (id),
    site        varchar(32)  not null,
    received_at timestamptz  not null,
    rig_count   integer      not null check (rig_count between 1 and 10000),
    created_at  timestamptz  not null,
    created_by  varchar(255) not null
);
create index receipt_by_shipment on receipt (shipment_id, created_at, id);
create index shipment_rig_by_receipt on shipment_rig (receipt_id) where receipt_id is not null;

create table rig_outbox (
    id               bigint        generated always as identity primary key,
    org              varchar(255)  not null,
    manufacturer     varchar(16)   not null,
    serial_number    varchar(64)   not null,
    receipt_id       uuid          not null references receipt (id),
    model            varchar(64)   not null,
    origin_country   char(2)       not null,
    plant            varchar(32),
    mac              varchar(17),
    order_id         uuid          not null,
    line_number      integer       not null,
    -- the rig's landed cost, USD (null while the order's estimate is PENDING)
    price            numeric(15,2),
    duty             numeric(15,2),
    fees             numeric(15,2),
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_error       varchar(500),
    asset_id         varchar(22),
    delivered_at     timestamptz,
    -- a rig is received once per shipment row: one outbox row per (org, maker, serial)
    unique (org, manufacturer, serial_number)
);
-- the delivery job's scan: only rows still to deliver, soonest first
create index rig_outbox_due on rig_outbox (next_attempt_at, id) where status = 'PENDING';
