-- The rig model catalogue, shared by every organisation. Seeded from the rig model table of
-- docs/domain.md; rows whose specs it gives as approximate (~) or unconfirmed carry
-- specs_confirmed = false, so they read as data to correct, not as fact.
create table rig_model (
    code            varchar(64)   primary key,
    maker           varchar(64)   not null,
    name            varchar(128)  not null,
    hashrate_ths    numeric(8, 2) not null check (hashrate_ths > 0),
    power_watts     integer       not null check (power_watts > 0),
    efficiency_jth  numeric(6, 2) not null check (efficiency_jth > 0),
    specs_confirmed boolean       not null,
    check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

insert into rig_model (code, maker, name, hashrate_ths, power_watts, efficiency_jth, specs_confirmed)
values ('antminer-s21',           'Bitmain', 'Antminer S21',        200, 3500, 17.5, true),
       ('antminer-s21-plus',      'Bitmain', 'Antminer S21+',       216, 3564, 16.5, false),
       ('antminer-s21-pro',       'Bitmain', 'Antminer S21 Pro',    234, 3531, 15.0, false),
       ('antminer-s21-xp',        'Bitmain', 'Antminer S21 XP',     270, 3645, 13.5, true),
       ('antminer-s21-plus-hydro','Bitmain', 'Antminer S21+ Hydro', 319, 4785, 15.0, false),
       ('whatsminer-m60s',        'MicroBT', 'Whatsminer M60S',     186, 3441, 18.5, false),
       ('whatsminer-m66s-plus',   'MicroBT', 'Whatsminer M66S+',    314, 5338, 17.0, true),
       ('avalon-a1466',           'Canaan',  'Avalon A1466',        150, 3230, 21.5, false),
       ('avalon-a16xp',           'Canaan',  'Avalon A16XP',        300, 3850, 12.8, true);

-- The deployed fleet. A rig belongs to one organisation (the token's org claim) and is identified
-- by a stable id; the maker's serial number is unique per model within an organisation.
create table rig (
    id                uuid         primary key,
    org               varchar(64)  not null,
    serial_number     varchar(64)  not null,
    model_code        varchar(64)  not null references rig_model (code),
    origin_country    char(2)      not null check (origin_country ~ '^[A-Z]{2}$'),
    status            varchar(16)  not null check (status in ('REGISTERED')),
    purchase_order_id uuid,
    registered_at     timestamptz  not null,
    registered_by     varchar(255) not null,
    version           bigint       not null default 0,
    constraint rig_serial_unique_per_model unique (org, model_code, serial_number)
);

-- listRigs: newest first within an organisation, keyset on (registered_at, id)
create index rig_by_org_newest on rig (org, registered_at desc, id desc);
-- listRigs filtered by model or by country of origin, same order
create index rig_by_org_model_newest on rig (org, model_code, registered_at desc, id desc);
create index rig_by_org_origin_newest on rig (org, origin_country, registered_at desc, id desc);
