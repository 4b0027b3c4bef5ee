-- Who is told about overdue work orders, unsatisfied return calls and finished repairs nobody raised is a
-- permission, held by the role told until now.
insert into permission (code, module, sort_order) values ('REPAIR_ESCALATION', 'repair', 39);
insert into role_permission (role_id, permission_code)
select id, 'REPAIR_ESCALATION' from role where code = 'MANAGER';
