-- The dashboards (C10): for the 部门经理 and 公司领导.
insert into permission (code, module, sort_order) values ('DASHBOARD_VIEW', 'report', 90);
insert into role_permission (role_id, permission_code)
select r.id, 'DASHBOARD_VIEW' from role r where r.code in ('ADMIN', 'MANAGER', 'LEADER');
