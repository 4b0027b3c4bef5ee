-- Who is told is a permission, not a role code: the roles told until now hold the new permissions, so nothing
-- changes for an existing install until an administrator changes the matrix.
insert into permission (code, module, sort_order) values
 ('COMPLAINT_ESCALATION', 'complaint', 28),
 ('COMPLAINT_INSTRUCTION_NOTICE', 'complaint', 29);
insert into role_permission (role_id, permission_code)
select id, 'COMPLAINT_ESCALATION' from role where code = 'MANAGER';
insert into role_permission (role_id, permission_code)
select id, 'COMPLAINT_INSTRUCTION_NOTICE' from role where code = 'LEADER';
