-- Versions that say when a fleet summary may have changed, so a summary answer can be cached and still
-- never be stale: fleet_version counts the changes of an organisation's rollups (bumped by the rollup
-- trigger, in the same transaction as the change), catalogue_version the changes of rig models (specs,
-- manufacturer) that every summary multiplies by. A cached answer is served only while both are unchanged.
create table fleet_version (
    org     varchar(64) primary key,
    version bigint      not null
);

create table catalogue_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into catalogue_version (id, version) values (true, 0);

-- The organisations whose rollups this statement changes get their version bumped first, in org order,
-- before any rollup row is locked: every writer of an organisation takes that row first, so writers
-- cannot deadlock on rollup rows through it. An UPDATE that changes no rollup column (a MAC, a version)
-- bumps nothing.
create function fleet_version_bump() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into fleet_version as v (org, version)
        select distinct org, 1 from new_rows order by org
        on conflict (org) do update set version = v.version + 1;
    elsif tg_op = 'UPDATE' then
        insert into fleet_version as v (org, version)
        select distinct o.org, 1
        from (select n.org from new_rows n join old_rows o on o.id = n.id
              where (n.org, n.site_id, n.status, n.model_code, n.origin_country, n.price_usd, n.duty_usd, n.fees_usd)
                    is distinct from
                    (o.org, o.site_id, o.status, o.model_code, o.origin_country, o.price_usd, o.duty_usd, o.fees_usd)
              union
              select o.org from new_rows n join old_rows o on o.id = n.id where n.org <> o.org) o
        order by 1
        on conflict (org) do update set version = v.version + 1;
    else
        insert into fleet_version as v (org, version)
        select distinct org, 1 from old_rows order by org
        on conflict (org) do update set version = v.version + 1;
    end if;
    return null;
end
$$;

-- Statement triggers of one event fire in name order: fleet_version_* runs before rig_rollup_*.
create trigger fleet_version_insert after insert on rig
    referencing new table as new_rows for each statement execute function fleet_version_bump();
create trigger fleet_version_update after update on rig
    referencing old table as old_rows new table as new_rows for each statement execute function fleet_version_bump();
create trigger fleet_version_delete after delete on rig
    referencing old table as old_rows for each statement execute function fleet_version_bump();

-- A model's specs (hashrate, power) or manufacturer change every summary that names it.
create function catalogue_version_bump() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1;
    return null;
end
$$;
create trigger rig_model_catalogue_version after insert or update or delete on rig_model
    for each statement execute function catalogue_version_bump();

-- A site's code is a summary key: a change of it (not expected, but possible in SQL) bumps its organisation.
create function site_code_version_bump() returns trigger language plpgsql as $$
begin
    insert into fleet_version as v (org, version) values (new.org, 1)
    on conflict (org) do update set version = v.version + 1;
    return null;
end
$$;
create trigger site_code_fleet_version after update on site
    for each row when (old.code is distinct from new.code or old.org is distinct from new.org)
    execute function site_code_version_bump();
