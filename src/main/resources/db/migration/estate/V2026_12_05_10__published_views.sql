-- What the estate archive publishes to the other modules: they read these views, never the tables underneath
-- (CrossModuleSqlTests). estate_unit_place carries the unit's label as every page shows it.
create view estate_project as select p.* from project p;
create view estate_building as select b.* from building b;
create view estate_unit as select u.* from unit u;
create view estate_unit_place as
    select u.id, u.project_id, u.building_id, u.room_no, u.status, u.handover_date, p.name as project_name,
           b.name as building_name,
           p.name || ' ' || b.name || ' ' || u.room_no as label
    from unit u
    join building b on b.id = u.building_id
    join project p on p.id = b.project_id;
create view estate_owner as select o.* from owner o;
create view estate_ownership as select os.* from ownership os;
