-- Purchase orders of rigs, one organisation each, with the duty estimate tariff-service quoted
-- for the expected date of entry. Money is USD, numeric(15,2), rounded HALF_UP to the cent.
create table purchase_order (
    id                  uuid          primary key,
    org                 varchar(255)  not null,
    status              varchar(16)   not null check (status in ('PLACED')),
    supplier            varchar(100)  not null,
    expected_entry_date date          not null,
    currency            char(3)       not null check (currency = 'USD'),
    total_value         numeric(15,2) not null check (total_value >= 0),
    estimated_duty      numeric(15,2) not null check (estimated_duty >= 0),
    duty_quoted_at      timestamptz   not null,
    duty_source         varchar(64)   not null,
    created_at          timestamptz   not null,
    created_by          varchar(255)  not null,
    version             integer       not null default 0
);

-- GET /api/purchase-orders: the caller's organisation, newest first, keyset on (created_at, id)
create index purchase_order_by_org_newest on purchase_order (org, created_at desc, id desc);

create table purchase_order_line (
    order_id       uuid          not null references purchase_order (id) on delete cascade,
    line_number    integer       not null check (line_number >= 1),
    model_code     varchar(64)   not null,
    model_name     text          not null,
    hashrate_ths   numeric       not null check (hashrate_ths >= 0),
    quantity       integer       not null check (quantity between 1 and 100000),
    unit_price     numeric(15,2) not null check (unit_price > 0),
    origin_country char(2)       not null check (origin_country ~ '^[A-Z]{2}$'),
    hts_code       varchar(16)   not null,
    customs_value  numeric(15,2) not null check (customs_value >= 0),
    estimated_duty numeric(15,2) not null check (estimated_duty >= 0),
    primary key (order_id, line_number)
);
