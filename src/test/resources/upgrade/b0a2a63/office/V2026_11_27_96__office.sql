-- Department administration (C9): attendance with 未打卡说明, meetings with action items, work plans.

create table attendance_punch (
    id bigserial primary key,
    staff_id bigint not null references staff_account(id),
    punched_at timestamptz not null,
    source varchar(60) not null default '',
    unique (staff_id, punched_at)
);
create index attendance_punch_idx on attendance_punch (punched_at, staff_id);

-- 未打卡说明 (a missed punch: the time it should have been) and leave, approved by the 部门经理.
create table attendance_note (
    id bigserial primary key,
    staff_id bigint not null references staff_account(id),
    day date not null,
    -- MISSED_IN, MISSED_OUT, LEAVE
    kind varchar(20) not null,
    time time,
    reason text not null,
    -- PENDING, APPROVED, REJECTED
    state varchar(20) not null default 'PENDING',
    decided_by varchar(60),
    decided_at timestamptz,
    decision_note text,
    created_at timestamptz not null default now(),
    version bigint not null default 0
);
create index attendance_note_idx on attendance_note (day, staff_id);
create index attendance_note_pending_idx on attendance_note (state) where state = 'PENDING';

create table meeting (
    id bigserial primary key,
    title varchar(200) not null,
    held_at timestamptz not null,
    place varchar(100) not null default '',
    attendees text not null default '',
    agenda text not null default '',
    minutes text not null default '',
    created_by varchar(60) not null,
    created_at timestamptz not null default now()
);

create table work_plan (
    id bigserial primary key,
    title varchar(200) not null,
    period varchar(40) not null,
    notes text not null default '',
    created_by varchar(60) not null,
    created_at timestamptz not null default now()
);

-- A task from a meeting (action item) or a work plan, with its owner: the owner's task list shows both.
create table office_task (
    id bigserial primary key,
    meeting_id bigint references meeting(id) on delete cascade,
    plan_id bigint references work_plan(id) on delete cascade,
    title varchar(300) not null,
    owner_id bigint references staff_account(id),
    due_date date,
    progress int not null default 0 check (progress between 0 and 100),
    done_at timestamptz,
    check (meeting_id is not null or plan_id is not null)
);
create index office_task_owner_idx on office_task (owner_id, done_at);

insert into permission (code, module, sort_order) values
 ('ATTENDANCE_VIEW', 'office', 80),
 ('ATTENDANCE_MANAGE', 'office', 81),
 ('OFFICE_EDIT', 'office', 82);
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'office' where r.code in ('ADMIN', 'MANAGER');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('ATTENDANCE_VIEW', 'OFFICE_EDIT') where r.code in ('OFFICE', 'FIELD', 'LEADER');
