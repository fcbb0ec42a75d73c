-- Orders with a lifecycle, incoterm, dates, transport mode and destination; lines that name the
-- plant (origin = the plant's country); estimates that can be PENDING while tariff-service is
-- unreachable; and the Idempotency-Key records of every POST. Money: USD numeric(15,2).

-- Orders placed before the lifecycle existed were sent to the supplier: SUBMITTED.
alter table purchase_order drop constraint purchase_order_status_check;
update purchase_order set status = 'SUBMITTED' where status = 'PLACED';
alter table purchase_order add constraint purchase_order_status_check check (status in
    ('DRAFT', 'SUBMITTED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'));

alter table purchase_order
    add column incoterm             varchar(3)  not null default 'EXW'
        check (incoterm in ('EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP')),
    add column expected_export_date date,
    add column transport_mode       varchar(8)  not null default 'OCEAN'
        check (transport_mode in ('OCEAN', 'AIR', 'TRUCK', 'RAIL')),
    add column destination_site     varchar(32) not null default 'UNKNOWN',
    -- QUOTED (quote_id set), PENDING (amounts null until a re-quote), SUPPLIER_PAYS (DDP: zero)
    add column estimate_status      varchar(16) not null default 'QUOTED'
        check (estimate_status in ('QUOTED', 'PENDING', 'SUPPLIER_PAYS')),
    add column estimate_reason      varchar(200),
    add column quote_id             uuid,
    add column estimated_fees       numeric(15,2) check (estimated_fees >= 0),
    -- the scheduled re-quote takes a PENDING order only once this has passed (a lease and a backoff)
    add column requote_after        timestamptz,
    add column requote_attempts     integer     not null default 0,
    add column updated_at           timestamptz;
update purchase_order set updated_at = created_at, estimated_fees = 0;
alter table purchase_order
    alter column incoterm drop default,
    alter column transport_mode drop default,
    alter column destination_site drop default,
    alter column estimate_status drop default,
    alter column updated_at set not null,
    alter column estimated_duty drop not null,
    alter column duty_quoted_at drop not null,
    alter column duty_source drop not null;
alter table purchase_order add constraint purchase_order_estimate_complete check (
    estimate_status = 'PENDING' or (estimated_duty is not null and estimated_fees is not null));

-- the re-quote scheduler's scan: only PENDING orders, soonest first
create index purchase_order_pending on purchase_order (requote_after) where estimate_status = 'PENDING';
-- list filters (each within one organisation, newest first)
create index purchase_order_by_org_status on purchase_order (org, status, created_at desc, id desc);
create index purchase_order_by_org_supplier on purchase_order (org, supplier, created_at desc, id desc);

alter table purchase_order_line
    add column plant_code         varchar(32),
    add column manufacturer       varchar(16),
    add column us_content_percent numeric(5,2) check (us_content_percent between 0 and 100),
    add column estimated_fees     numeric(15,2) check (estimated_fees >= 0);
alter table purchase_order_line alter column estimated_duty drop not null;

-- Idempotency-Key of every POST, per organisation. Written in the same transaction as what the
-- request changed, so a request that failed leaves no key behind; the first one to commit wins
-- and any other with the same key answers its response again.
create table idempotency_record (
    org            varchar(255) not null,
    idem_key       varchar(255) not null,
    request_hash   char(64)     not null,
    status         integer      not null,
    body           text         not null,
    location       varchar(2048),
    etag           varchar(20),
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    primary key (org, idem_key)
);
create index idempotency_record_expiry on idempotency_record (expires_at);
