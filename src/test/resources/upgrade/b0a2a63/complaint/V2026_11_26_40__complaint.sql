-- 投诉受理 (C2): the 投诉处理单 and everything that happens to it.
create table complaint_category (
    id bigserial primary key,
    name varchar(40) not null unique,
    sort_order int not null default 0,
    active boolean not null default true,
    version bigint not null default 0
);

-- Time limits in working minutes per category (null = every category) and severity; the most specific rule wins.
create table complaint_sla_rule (
    id bigserial primary key,
    category_id bigint references complaint_category(id),
    severity varchar(10) not null check (severity in ('GENERAL', 'MAJOR')),
    ack_minutes int not null check (ack_minutes > 0),
    reply_minutes int not null check (reply_minutes > 0),
    close_minutes int not null check (close_minutes > 0),
    needs_instruction boolean not null default false,
    version bigint not null default 0,
    unique (category_id, severity)
);
create unique index complaint_sla_rule_default_uq on complaint_sla_rule (severity) where category_id is null;

create table complaint_setting (
    key varchar(60) primary key,
    value varchar(300) not null
);

create table complaint_sequence (
    year int primary key,
    last_value bigint not null
);

create table complaint (
    id bigserial primary key,
    code varchar(40) not null unique,
    project_id bigint not null references project(id),
    complaint_date date not null,
    complainant varchar(60) not null,
    complained_at timestamptz not null,
    owner_id bigint references owner(id),
    unit_id bigint references unit(id),
    contact_phone varchar(30),
    receiver_id bigint not null references staff_account(id),
    handler_id bigint not null references staff_account(id),
    channel varchar(20) not null,
    category_id bigint not null references complaint_category(id),
    severity varchar(10) not null check (severity in ('GENERAL', 'MAJOR')),
    group_case boolean not null default false,
    group_id bigint references complaint(id),
    content text not null,
    remedy text not null default '',
    cause_analysis text not null default '',
    corrective_action text not null default '',
    handling_opinion text not null default '',
    leader_instruction text not null default '',
    leader_id bigint references staff_account(id),
    instructed_at timestamptz,
    reply_content text not null default '',
    reply_way varchar(20),
    state varchar(20) not null,
    appointment_at timestamptz,
    appointment_note varchar(300),
    appointment_reminded_at timestamptz,
    waiting_since timestamptz,
    ack_due timestamptz not null,
    reply_due timestamptz not null,
    close_due timestamptz not null,
    acknowledged_at timestamptz,
    replied_at timestamptz,
    closed_at timestamptz,
    ack_warned_at timestamptz,
    reply_warned_at timestamptz,
    close_warned_at timestamptz,
    ack_escalated_at timestamptz,
    reply_escalated_at timestamptz,
    close_escalated_at timestamptz,
    return_satisfied boolean,
    return_result text not null default '',
    lesson text not null default '',
    reopen_count int not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version bigint not null default 0
);
create index complaint_list_idx on complaint (id desc);
create index complaint_state_idx on complaint (state, id desc);
create index complaint_project_idx on complaint (project_id, id desc);
create index complaint_handler_idx on complaint (handler_id, state);
create index complaint_category_idx on complaint (category_id, id desc);
create index complaint_date_idx on complaint (complaint_date, id desc);
create index complaint_owner_idx on complaint (owner_id) where owner_id is not null;
create index complaint_unit_idx on complaint (unit_id) where unit_id is not null;
create index complaint_open_reply_idx on complaint (reply_due) where replied_at is null;
create index complaint_open_close_idx on complaint (close_due) where closed_at is null;
create index complaint_appointment_idx on complaint (appointment_at) where appointment_at is not null and closed_at is null;

-- 群诉: further owners and units one complaint speaks for.
create table complaint_party (
    id bigserial primary key,
    complaint_id bigint not null references complaint(id) on delete cascade,
    owner_id bigint references owner(id),
    unit_id bigint references unit(id),
    name varchar(60) not null
);
create index complaint_party_complaint_idx on complaint_party (complaint_id);
create index complaint_party_owner_idx on complaint_party (owner_id);
create index complaint_party_unit_idx on complaint_party (unit_id);

-- Every change is a row here; rows are never updated or deleted.
create table complaint_history (
    id bigserial primary key,
    complaint_id bigint not null references complaint(id),
    version bigint not null,
    occurred_at timestamptz not null default now(),
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index complaint_history_complaint_idx on complaint_history (complaint_id, id);

create table complaint_followup (
    id bigserial primary key,
    complaint_id bigint not null references complaint(id),
    occurred_at timestamptz not null,
    actor varchar(60) not null,
    way varchar(20) not null,
    content text not null
);
create index complaint_followup_complaint_idx on complaint_followup (complaint_id, occurred_at);

create table complaint_attachment (
    id bigserial primary key,
    complaint_id bigint not null references complaint(id),
    file_name varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes bigint not null,
    data bytea not null,
    uploaded_by varchar(60) not null,
    uploaded_at timestamptz not null default now()
);
create index complaint_attachment_complaint_idx on complaint_attachment (complaint_id);

-- Full-text search in Chinese: every character pair (and single character) of a complaint's text, so that any
-- word is found wherever it occurs, whatever a word segmenter would have made of the sentence.
create table complaint_search (
    complaint_id bigint primary key references complaint(id),
    grams text[] not null,
    doc text not null
);
create index complaint_search_grams_idx on complaint_search using gin (grams);

insert into complaint_category (name, sort_order) values
 ('房屋质量', 1), ('物业服务', 2), ('配套设施', 3), ('销售合同', 4), ('交房', 5), ('环境噪音', 6), ('其他', 99);

-- SPEC reference numbers; a working day is 9 hours (09:00–18:00 by default):
-- acknowledge the same working day, reply within 1 working day, result within 3 working days.
insert into complaint_sla_rule (category_id, severity, ack_minutes, reply_minutes, close_minutes, needs_instruction) values
 (null, 'GENERAL', 240, 540, 1620, false),
 (null, 'MAJOR', 60, 270, 1620, true);

insert into complaint_setting (key, value) values
 ('code.format', 'TS-{yyyy}-{seq:6}'),
 ('warn.minutes', '60');

insert into permission (code, module, sort_order) values
 ('COMPLAINT_VIEW', 'complaint', 20),
 ('COMPLAINT_CREATE', 'complaint', 21),
 ('COMPLAINT_HANDLE', 'complaint', 22),
 ('COMPLAINT_MANAGE', 'complaint', 23),
 ('COMPLAINT_TRANSFER', 'complaint', 24),
 ('COMPLAINT_INSTRUCT', 'complaint', 25),
 ('COMPLAINT_EXPORT', 'complaint', 26),
 ('COMPLAINT_SETTINGS', 'complaint', 27);

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'complaint' where r.code = 'ADMIN';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('COMPLAINT_VIEW', 'COMPLAINT_CREATE', 'COMPLAINT_HANDLE',
  'COMPLAINT_MANAGE', 'COMPLAINT_TRANSFER', 'COMPLAINT_EXPORT', 'COMPLAINT_SETTINGS') where r.code = 'MANAGER';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('COMPLAINT_VIEW', 'COMPLAINT_INSTRUCT', 'COMPLAINT_EXPORT')
where r.code = 'LEADER';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('COMPLAINT_VIEW', 'COMPLAINT_CREATE', 'COMPLAINT_HANDLE', 'COMPLAINT_EXPORT')
where r.code in ('OFFICE', 'FIELD');
