-- The front desk (内勤, C6): every call answered, and the 《来访登记簿》.

create table call_log (
    id bigserial primary key,
    received_at timestamptz not null,
    -- CONSULT 咨询, COMPLAINT 投诉, SUGGESTION 建议, OPINION 意见, PRAISE 表扬, REPAIR 报修
    type varchar(20) not null,
    topic varchar(60) not null default '',
    caller_name varchar(60) not null,
    caller_phone varchar(30) not null default '',
    owner_id bigint references owner(id),
    unit_id bigint references unit(id),
    project_id bigint references project(id),
    content text not null,
    answer text not null default '',
    follow_up boolean not null default false,
    complaint_id bigint references complaint(id),
    work_order_id bigint references work_order(id),
    received_by varchar(60) not null
);
create index call_log_received_idx on call_log (received_at desc, id desc);
create index call_log_type_idx on call_log (type, received_at desc);
create index call_log_owner_idx on call_log (owner_id) where owner_id is not null;
create index call_log_unit_idx on call_log (unit_id) where unit_id is not null;

create table visit (
    id bigserial primary key,
    -- 身份: OWNER 业主, RESIDENT 住户/家属, VISITOR 访客, CONTRACTOR 施工人员, OFFICIAL 政府/单位, OTHER 其他
    identity varchar(20) not null,
    name varchar(60) not null,
    gender varchar(4) not null default '',
    employer varchar(100) not null default '',
    phone varchar(30) not null default '',
    reason text not null,
    people int not null default 1 check (people > 0),
    time_in timestamptz not null,
    time_out timestamptz,
    host varchar(60) not null default '',
    owner_id bigint references owner(id),
    unit_id bigint references unit(id),
    project_id bigint references project(id),
    complaint_id bigint references complaint(id),
    recorded_by varchar(60) not null,
    check (time_out is null or time_out >= time_in)
);
create index visit_time_idx on visit (time_in desc, id desc);
create index visit_owner_idx on visit (owner_id) where owner_id is not null;
create index visit_unit_idx on visit (unit_id) where unit_id is not null;

insert into permission (code, module, sort_order) values
 ('FRONTDESK_VIEW', 'frontdesk', 60),
 ('FRONTDESK_EDIT', 'frontdesk', 61);
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'frontdesk' where r.code in ('ADMIN', 'MANAGER', 'OFFICE', 'FIELD');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code = 'FRONTDESK_VIEW' where r.code = 'LEADER';
