-- The duty schedule redesigned as measures (replaces duty_rate of V1/V2, whose rows were wrong:
-- Section 301 on List 3, a 34% China reciprocal rate that never took effect, no one-day regime of
-- 2025-04-09, no 9903.01.20, no renumbering to 8543.70.9860, no Section 301 forced-labour duty).
-- Sources per row in legal_reference / source_note; docs/duties.md explains each regime.
--
-- A measure applies to a line when the line's HTS code starts with hts_prefix, its origin is in
-- origin_countries (empty array: every origin; US-origin goods are never imports) and the date of
-- entry is in [effective_from, effective_to). Rows marked confirmed = false are data an admin
-- corrects, not truth.
drop table duty_rate;

create table duty_measure (
    id                  bigint generated always as identity primary key,
    program             varchar(32)   not null check (program in ('MFN', 'SECTION_301', 'SECTION_301_FORCED_LABOR',
                            'IEEPA_FENTANYL', 'IEEPA_RECIPROCAL', 'SECTION_122', 'SECTION_232')),
    heading             varchar(16)   not null check (heading ~ '^\d{4}\.\d{2}(\.\d{2}(\d{2})?)?$'),
    hts_prefix          varchar(16)   not null check (hts_prefix ~ '^\d{4}(\.\d{2}(\.\d{2}(\d{2})?)?)?$'),
    origin_countries    varchar(2)[]  not null,
    rate_percent        numeric(7, 4) not null check (rate_percent >= 0 and rate_percent <= 1000),
    effective_from      date          not null,
    effective_to        date,
    legal_reference     varchar(300)  not null,
    source_note         varchar(1000) not null default '',
    confirmed           boolean       not null,
    refundable          boolean       not null,
    drawback_eligible   boolean       not null,
    non_us_content_only boolean       not null,
    -- the Chapter 99 heading the US-content part of a split line is declared under (9903.01.34)
    us_content_heading  varchar(16)   check (us_content_heading ~ '^\d{4}\.\d{2}\.\d{2}$'),
    version             integer       not null default 0,
    check (effective_to is null or effective_to > effective_from)
);

-- In-transit relief (a second date: loaded on the vessel at the last port of export, the 7501's
-- export date): a line of `program` from one of origin_countries, entered in [entered_from,
-- entered_before) and loaded in [loaded_from, loaded_before) (and by transport_mode when set)
-- carries rate_percent under heading instead of the measure in force.
create table in_transit_relief (
    id               bigint generated always as identity primary key,
    program          varchar(32)   not null,
    origin_countries varchar(2)[]  not null,
    entered_from     date          not null,
    entered_before   date          not null check (entered_before > entered_from),
    loaded_from      date,
    loaded_before    date          not null check (loaded_from is null or loaded_before > loaded_from),
    transport_mode   varchar(8)    check (transport_mode in ('OCEAN', 'AIR', 'TRUCK', 'RAIL')),
    rate_percent     numeric(7, 4) not null check (rate_percent >= 0 and rate_percent <= 1000),
    heading          varchar(16)   not null check (heading ~ '^\d{4}\.\d{2}\.\d{2}$'),
    legal_reference  varchar(300)  not null,
    confirmed        boolean       not null
);

-- HTS statistical numbers are effective-dated too (HTSUS U.S. notes: 8543.70.9960 was renumbered
-- 8543.70.9860 for entries from 2022-01-27).
create table hts_statistical_number (
    id             bigint generated always as identity primary key,
    heading        varchar(7)  not null check (heading ~ '^\d{4}\.\d{2}$'),
    number         varchar(12) not null check (number ~ '^\d{4}\.\d{2}\.\d{4}$'),
    effective_from date        not null,
    effective_to   date,
    legal_reference varchar(300) not null,
    check (effective_to is null or effective_to > effective_from)
);

-- Fees: ad valorem rates by date (MPF, HMF) and the MPF minimum and maximum per US fiscal year
-- (1 October to 30 September; FY2026 = 2025-10-01 .. 2026-09-30).
create table fee_rate (
    id              bigint generated always as identity primary key,
    fee_type        varchar(3)    not null check (fee_type in ('MPF', 'HMF')),
    rate_percent    numeric(8, 5) not null check (rate_percent >= 0 and rate_percent <= 100),
    effective_from  date          not null,
    effective_to    date,
    legal_reference varchar(300)  not null,
    confirmed       boolean       not null,
    version         integer       not null default 0,
    check (effective_to is null or effective_to > effective_from)
);

create table mpf_fiscal_year (
    fiscal_year     integer       primary key check (fiscal_year between 2000 and 2100),
    minimum         numeric(9, 2) not null check (minimum >= 0),
    maximum         numeric(9, 2) not null check (maximum >= minimum),
    legal_reference varchar(300)  not null,
    confirmed       boolean       not null,
    version         integer       not null default 0
);

-- Every change to the schedule and fees, with who, when and why; the snapshot version each
-- replica polls (one row, bumped in the transaction of every change).
create table schedule_change (
    id          bigint generated always as identity primary key,
    entity      varchar(16)  not null check (entity in ('MEASURE', 'RELIEF', 'FEE_RATE', 'MPF_YEAR')),
    entity_id   bigint       not null,
    action      varchar(16)  not null check (action in ('SEED', 'CREATE', 'SUPERSEDE', 'CLOSE', 'CORRECT')),
    changed_by  varchar(255) not null,
    changed_at  timestamptz  not null default now(),
    reason      varchar(1000) not null,
    after_state text         not null
);
create index schedule_change_by_entity on schedule_change (entity, entity_id, id);

create table schedule_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into schedule_version (id, version) values (1, 1);
