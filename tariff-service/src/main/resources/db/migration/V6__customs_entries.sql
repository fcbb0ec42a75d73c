-- Customs entries (CBP Form 7501) and what happened to their duty afterwards.
-- customs_entry: the header and the lifecycle (status, liquidation, protest, refund, origin audits as
-- JSON written by tariff-service's entry package); one entry number once per organisation.
create table customs_entry (
    id                  uuid          primary key,
    org                 varchar(64)   not null,
    entry_number        char(11)      not null,
    entry_type          varchar(2)    not null,
    entry_date          date          not null,
    export_date         date,
    port_code           varchar(4)    not null,
    transport_mode      varchar(5)    not null,
    importer            varchar(200)  not null,
    status              varchar(20)   not null,
    summary_version     integer       not null,
    version             bigint        not null,
    created_by          varchar(255)  not null,
    created_at          timestamptz   not null,
    reconciliation_flag boolean       not null,
    drawback_claim      boolean       not null,
    has_ieepa           boolean       not null,
    liquidation_date    date,
    payments            text          not null,
    liquidation         text,
    protest             text,
    refund              text,
    origin_audits       text          not null,
    constraint customs_entry_number_once unique (org, entry_number)
);
create index customs_entry_by_date on customs_entry (org, entry_date, id);

-- Every version of the entry summary (the first filing and each post-summary correction), as the
-- JSON the API answers for it; the old versions stay readable.
create table entry_summary (
    entry_id   uuid         not null references customs_entry (id),
    version    integer      not null,
    body       text         not null,
    reason     varchar(1000),
    created_by varchar(255) not null,
    created_at timestamptz  not null,
    primary key (entry_id, version)
);

-- The history of an entry: who moved it, when, why, from which status to which.
create table entry_event (
    id          bigserial     primary key,
    entry_id    uuid          not null references customs_entry (id),
    action      varchar(30)   not null,
    from_status varchar(20),
    to_status   varchar(20)   not null,
    at          timestamptz   not null,
    by_user     varchar(255)  not null,
    reason      varchar(1000),
    details     text
);
create index entry_event_by_entry on entry_event (entry_id, id);

-- The duty ledger: every amount of an entry per purchase-order line and layer (program + Chapter 99
-- heading; fees as MPF/HMF, interest as INTEREST), by kind: ESTIMATED (the order's stored quote),
-- DECLARED, ENGINE (what the engine computes for the declared lines), PAID, BILLED, REFUNDED.
-- Reconciliation groups these rows; DECLARED and ENGINE rows are replaced by a correction.
create table entry_amount (
    id           bigserial     primary key,
    org          varchar(64)   not null,
    entry_id     uuid          not null references customs_entry (id),
    entry_date   date          not null,
    kind         varchar(10)   not null,
    program      varchar(30)   not null,
    heading      varchar(12)   not null,
    order_id     uuid          not null,
    order_line   integer       not null,
    shipment_id  uuid,
    origin       char(2)       not null,
    manufacturer varchar(100)  not null,
    amount       numeric(17,2) not null
);
create index entry_amount_by_entry on entry_amount (entry_id, kind);
create index entry_amount_by_date on entry_amount (org, entry_date);

-- A reason finance records on one row of the reconciliation (grouping, key, program, heading).
create table reconciliation_reason (
    org        varchar(64)  not null,
    group_by   varchar(12)  not null,
    group_key  varchar(100) not null,
    program    varchar(30)  not null,
    heading    varchar(12)  not null,
    reason     varchar(1000) not null,
    set_by     varchar(255) not null,
    set_at     timestamptz  not null,
    primary key (org, group_by, group_key, program, heading)
);
