-- What happened to a site's power capacity: every change, who made it, the power in use at that moment, and
-- whether it went below that power by override (PUT /api/sites/{site} with capacityOverride).
create table site_event (
    id                bigint generated always as identity primary key,
    site_id           bigint         not null references site (id),
    at                timestamptz    not null,
    actor             varchar(255)   not null,
    capacity_kw_from  numeric(12, 3),
    capacity_kw_to    numeric(12, 3) not null,
    power_in_use_kw   numeric(15, 3) not null,
    capacity_override boolean        not null default false,
    reason            varchar(500)
);
create index site_event_by_site on site_event (site_id, id);

-- Changing a plant's country is refused while a rig names the plant: find one without reading every rig.
create index rig_by_plant on rig (plant_code) where plant_code is not null;
