-- House-quality repairs (C3): trades, the engineering department's teams and outside contractors (施工单位),
-- warranty rules, work orders and the project's public facilities.

create table repair_trade (
    id bigserial primary key,
    code varchar(30) not null unique,
    name varchar(40) not null unique,
    -- a normal repair is due this many working days after it was reported
    normal_days int not null check (normal_days > 0),
    -- an emergency (leak, power, safety) is due this many hours after it was reported, day or night
    emergency_hours int not null check (emergency_hours > 0),
    sort_order int not null default 0,
    active boolean not null default true
);

insert into repair_trade (code, name, normal_days, emergency_hours, sort_order) values
 ('CIVIL', '土建', 7, 8, 1),
 ('WATERPROOF', '防水', 5, 8, 2),
 ('PLUMBING_ELECTRIC', '水电', 3, 4, 3),
 ('DOOR_WINDOW', '门窗', 5, 8, 4),
 ('ELEVATOR', '电梯', 2, 2, 5),
 ('FITOUT', '精装', 7, 8, 6),
 ('HVAC', '暖通', 3, 4, 7),
 ('FIRE', '消防', 2, 2, 8),
 ('LANDSCAPE', '园林景观', 10, 8, 9),
 ('OTHER', '其他', 5, 8, 99);

create table contractor (
    id bigserial primary key,
    name varchar(100) not null unique,
    -- ENGINEERING: a team of the developer's engineering department (工程部); CONTRACTOR: an outside 施工单位
    kind varchar(20) not null,
    contact_name varchar(60) not null default '',
    contact_phone varchar(30) not null default '',
    email varchar(120) not null default '',
    retention_amount numeric(14, 2),
    retention_until date,
    notes text not null default '',
    active boolean not null default true,
    version bigint not null default 0,
    created_at timestamptz not null default now()
);

create table contractor_trade (
    contractor_id bigint not null references contractor(id) on delete cascade,
    trade_id bigint not null references repair_trade(id),
    primary key (contractor_id, trade_id)
);

-- What a contractor built: a project, or some of its buildings.
create table contractor_scope (
    id bigserial primary key,
    contractor_id bigint not null references contractor(id) on delete cascade,
    project_id bigint not null references project(id),
    building_id bigint references building(id),
    unique nulls not distinct (contractor_id, project_id, building_id)
);
create index contractor_scope_project_idx on contractor_scope (project_id);

-- Staff accounts that act for a contractor (its contact persons' limited accounts).
create table contractor_member (
    staff_id bigint primary key references staff_account(id),
    contractor_id bigint not null references contractor(id) on delete cascade
);
create index contractor_member_contractor_idx on contractor_member (contractor_id);

-- Warranty rules, versioned: a change makes a new version; the version in force on a day is the newest that took
-- effect on or before it.
create table warranty_rule_set (
    id bigserial primary key,
    version_no int not null unique,
    effective_from date not null,
    note text not null default '',
    created_by varchar(60) not null,
    created_at timestamptz not null default now()
);

create table warranty_rule (
    id bigserial primary key,
    rule_set_id bigint not null references warranty_rule_set(id) on delete cascade,
    component varchar(40) not null,
    name varchar(100) not null,
    trade_id bigint references repair_trade(id),
    -- MONTHS: period months from the handover date; SEASONS: period heating/cooling seasons beginning after it
    period_kind varchar(10) not null check (period_kind in ('MONTHS', 'SEASONS')),
    period int not null check (period > 0),
    season_start char(5),
    season_end char(5),
    basis text not null,
    sort_order int not null default 0,
    unique (rule_set_id, component)
);

insert into warranty_rule_set (version_no, effective_from, note, created_by)
values (1, date '2000-06-30', '法定最低保修期限（《建设工程质量管理条例》第四十条、《房屋建筑工程质量保修办法》第七条）', 'system');

insert into warranty_rule (rule_set_id, component, name, trade_id, period_kind, period, season_start, season_end, basis, sort_order)
select s.id, r.component, r.name, t.id, r.kind, r.period, r.season_start, r.season_end, r.basis, r.sort_order
from warranty_rule_set s,
 (values
  ('STRUCTURE', '地基基础工程和主体结构工程', 'CIVIL', 'MONTHS', 600, null, null, '《房屋建筑工程质量保修办法》第七条（一）：为设计文件规定的该工程合理使用年限（住宅按50年）', 1),
  ('ROOF_WATERPROOF', '屋面防水工程', 'WATERPROOF', 'MONTHS', 60, null, null, '《房屋建筑工程质量保修办法》第七条（二）：屋面防水工程为5年', 2),
  ('WET_ROOM_WATERPROOF', '卫生间、有防水要求的房间和外墙面的防渗漏', 'WATERPROOF', 'MONTHS', 60, null, null, '《房屋建筑工程质量保修办法》第七条（二）：有防水要求的卫生间、房间和外墙面的防渗漏为5年', 3),
  ('HEATING', '供热系统', 'HVAC', 'SEASONS', 2, '11-15', '03-15', '《房屋建筑工程质量保修办法》第七条（三）：供热与供冷系统为2个采暖期、供冷期', 4),
  ('COOLING', '供冷系统', 'HVAC', 'SEASONS', 2, '05-15', '09-15', '《房屋建筑工程质量保修办法》第七条（三）：供热与供冷系统为2个采暖期、供冷期', 5),
  ('ELECTRICAL', '电气管线', 'PLUMBING_ELECTRIC', 'MONTHS', 24, null, null, '《房屋建筑工程质量保修办法》第七条（四）：电气管线、给排水管道、设备安装为2年', 6),
  ('PLUMBING', '给排水管道', 'PLUMBING_ELECTRIC', 'MONTHS', 24, null, null, '《房屋建筑工程质量保修办法》第七条（四）：电气管线、给排水管道、设备安装为2年', 7),
  ('EQUIPMENT', '设备安装（含电梯）', 'ELEVATOR', 'MONTHS', 24, null, null, '《房屋建筑工程质量保修办法》第七条（四）：电气管线、给排水管道、设备安装为2年', 8),
  ('FITOUT', '装修工程（含门窗）', 'FITOUT', 'MONTHS', 24, null, null, '《房屋建筑工程质量保修办法》第七条（五）：装修工程为2年', 9)
 ) as r(component, name, trade, kind, period, season_start, season_end, basis, sort_order)
 join repair_trade t on t.code = r.trade
where s.version_no = 1;

create table repair_setting (
    key varchar(60) primary key,
    value text not null
);
insert into repair_setting (key, value) values
 ('code.format', 'WX-{yyyy}-{seq:6}'),
 ('warn.minutes', '120'),
 -- SPEC: return calls for at least 30 % of repairs, within 3 days
 ('return.rate', '30'),
 ('return.days', '3');

create table work_order_sequence (
    year int primary key,
    last_value bigint not null
);

create table work_order (
    id bigserial primary key,
    code varchar(30) not null unique,
    project_id bigint not null references project(id),
    unit_id bigint references unit(id),
    owner_id bigint references owner(id),
    -- where, when the repair is not in a home (公共区域)
    public_area varchar(200),
    complaint_id bigint references complaint(id),
    -- COMPLAINT, CALL, HANDOVER, DIRECT
    source varchar(20) not null,
    trade_id bigint not null references repair_trade(id),
    component varchar(40),
    location varchar(200) not null default '',
    description text not null,
    urgency varchar(20) not null,
    state varchar(30) not null,
    contractor_id bigint references contractor(id),
    contact_name varchar(60) not null default '',
    contact_phone varchar(30) not null default '',
    appointment_from timestamptz,
    appointment_to timestamptz,
    reported_at timestamptz not null,
    due_at timestamptz not null,
    dispatched_at timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    accepted_at timestamptz,
    cancelled_at timestamptz,
    paused_at timestamptz,
    paused_from varchar(30),
    pause_reason text,
    resume_on date,
    warned_at timestamptz,
    escalated_at timestamptz,
    warranty_status varchar(20) not null,
    warranty_until date,
    warranty_version int,
    -- WARRANTY (free under warranty), PAID (charged to the owner), GOODWILL (out of warranty, free)
    charge varchar(20) not null,
    materials text not null default '',
    cost numeric(12, 2),
    rework_count int not null default 0,
    owner_rating int check (owner_rating between 1 and 5),
    acceptance_note text,
    return_call_due timestamptz,
    return_call_at timestamptz,
    return_satisfied boolean,
    return_result text,
    created_by bigint references staff_account(id),
    version bigint not null default 0,
    updated_at timestamptz not null default now(),
    check (unit_id is not null or public_area is not null)
);
create index work_order_list_idx on work_order (id desc);
create index work_order_state_idx on work_order (state, id desc);
create index work_order_contractor_idx on work_order (contractor_id, id desc);
create index work_order_project_idx on work_order (project_id, id desc);
create index work_order_trade_idx on work_order (trade_id, id desc);
create index work_order_unit_idx on work_order (unit_id) where unit_id is not null;
create index work_order_owner_idx on work_order (owner_id) where owner_id is not null;
create index work_order_complaint_idx on work_order (complaint_id) where complaint_id is not null;
create index work_order_open_due_idx on work_order (due_at) where accepted_at is null and cancelled_at is null;
create index work_order_return_idx on work_order (return_call_due) where return_call_due is not null and return_call_at is null;

-- Every change is a row here; rows are never updated or deleted.
create table work_order_history (
    id bigserial primary key,
    work_order_id bigint not null references work_order(id),
    version bigint not null,
    occurred_at timestamptz not null default now(),
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index work_order_history_idx on work_order_history (work_order_id, id);

create table work_order_photo (
    id bigserial primary key,
    work_order_id bigint not null references work_order(id),
    -- BEFORE / AFTER the repair
    stage varchar(10) not null,
    file_name varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes bigint not null,
    data bytea not null,
    uploaded_by varchar(60) not null,
    uploaded_at timestamptz not null default now()
);
create index work_order_photo_idx on work_order_photo (work_order_id);

-- 公共配套设施 the engineering department must finish before they go to the owners' committee.
create table public_facility (
    id bigserial primary key,
    project_id bigint not null references project(id),
    name varchar(100) not null,
    description text not null default '',
    contractor_id bigint references contractor(id),
    responsible varchar(100) not null default '',
    due_date date,
    -- UNFINISHED / FINISHED / HANDED_OVER
    state varchar(20) not null,
    finished_on date,
    handed_over_on date,
    notes text not null default '',
    version bigint not null default 0,
    updated_at timestamptz not null default now()
);
create index public_facility_project_idx on public_facility (project_id, state);

insert into permission (code, module, sort_order) values
 ('REPAIR_VIEW', 'repair', 30),
 ('REPAIR_ALL', 'repair', 31),
 ('REPAIR_CREATE', 'repair', 32),
 ('REPAIR_DISPATCH', 'repair', 33),
 ('REPAIR_WORK', 'repair', 34),
 ('REPAIR_ACCEPT', 'repair', 35),
 ('REPAIR_MANAGE', 'repair', 36),
 ('REPAIR_EXPORT', 'repair', 37),
 ('REPAIR_SETTINGS', 'repair', 38);

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'repair' where r.code in ('ADMIN', 'MANAGER');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_CREATE',
  'REPAIR_DISPATCH', 'REPAIR_ACCEPT', 'REPAIR_EXPORT') where r.code = 'FIELD';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_CREATE',
  'REPAIR_ACCEPT', 'REPAIR_EXPORT') where r.code = 'OFFICE';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_CREATE',
  'REPAIR_DISPATCH', 'REPAIR_WORK', 'REPAIR_EXPORT') where r.code = 'ENGINEERING';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_EXPORT')
where r.code = 'LEADER';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_ALL', 'REPAIR_CREATE')
where r.code = 'PROPERTY';
-- a contractor's account sees its own work orders only (no REPAIR_ALL) and reports progress on them
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('REPAIR_VIEW', 'REPAIR_WORK') where r.code = 'CONTRACTOR';
