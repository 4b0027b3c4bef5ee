-- Who approves missed-punch notes is told by permission; whose attendance the statistics list (the department's
-- own staff) is a permission too, held by the roles listed until now.
insert into permission (code, module, sort_order) values
 ('ATTENDANCE_APPROVAL', 'office', 83),
 ('ATTENDANCE_SUBJECT', 'office', 84);
insert into role_permission (role_id, permission_code)
select id, 'ATTENDANCE_APPROVAL' from role where code = 'MANAGER';
insert into role_permission (role_id, permission_code)
select r.id, 'ATTENDANCE_SUBJECT' from role r where r.code in ('MANAGER', 'FIELD', 'OFFICE');
