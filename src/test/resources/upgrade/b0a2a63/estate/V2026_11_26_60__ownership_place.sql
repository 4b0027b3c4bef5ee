-- Owners are listed by their units' project and building; keeping both on the ownership row lets the database find a
-- project's owners from an index instead of walking every owner. Triggers keep them equal to the unit's.
alter table ownership add column project_id bigint, add column building_id bigint;

update ownership s set project_id = u.project_id, building_id = u.building_id from unit u where u.id = s.unit_id;

alter table ownership alter column project_id set not null, alter column building_id set not null;

create function ownership_place() returns trigger language plpgsql as $$
begin
    select u.project_id, u.building_id into new.project_id, new.building_id from unit u where u.id = new.unit_id;
    return new;
end $$;

create trigger ownership_place before insert or update of unit_id on ownership
    for each row execute function ownership_place();

create function unit_moved() returns trigger language plpgsql as $$
begin
    update ownership set project_id = new.project_id, building_id = new.building_id where unit_id = new.id;
    return new;
end $$;

create trigger unit_moved after update of project_id, building_id on unit
    for each row when (old.project_id is distinct from new.project_id or old.building_id is distinct from new.building_id)
    execute function unit_moved();

create index ownership_project_owner_idx on ownership (project_id, owner_id) where active;
create index ownership_building_owner_idx on ownership (building_id, owner_id) where active;
