-- Effective-dated duty rates. A rate applies to a line when the line's HTS code starts with
-- hts_prefix, its origin equals origin_country (or origin_country is null: every origin) and the
-- date of entry falls in [effective_from, effective_to).
create table duty_rate (
    id             bigint generated always as identity primary key,
    layer          varchar(32)  not null,
    heading        varchar(16)  not null,
    description    varchar(200) not null,
    hts_prefix     varchar(16)  not null,
    origin_country char(2),
    rate_percent   numeric(8, 4) not null check (rate_percent >= 0),
    effective_from date         not null,
    effective_to   date,
    confirmed      boolean      not null,
    source         varchar(300) not null,
    check (effective_to is null or effective_to > effective_from),
    check (origin_country is null or origin_country ~ '^[A-Z]{2}$')
);

create index duty_rate_by_date on duty_rate (effective_from, effective_to);

insert into duty_rate (layer, heading, description, hts_prefix, origin_country, rate_percent,
                       effective_from, effective_to, confirmed, source)
values ('MFN', '8543.70', 'Column 1 general (MFN)', '8543.70', null, 2.6000,
        '1989-01-01', null, true,
        'HTSUS 8543.70 column 1 general 2.6%; CBP NY N297495 (2018), HQ H300195 (2019)');
