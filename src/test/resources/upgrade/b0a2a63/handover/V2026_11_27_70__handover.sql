-- Handover of new homes (交房, C4) and the property company's takeover (承接查验).

-- The per-unit inspection checklist: rooms × items, each with the trade that repairs a defect.
create table handover_check_item (
    id bigserial primary key,
    room varchar(40) not null,
    item varchar(100) not null,
    trade_code varchar(30) not null default 'OTHER',
    sort_order int not null default 0,
    active boolean not null default true,
    unique (room, item)
);

insert into handover_check_item (room, item, trade_code, sort_order) values
 ('入户门', '门体无变形、划痕，开关顺畅', 'DOOR_WINDOW', 10),
 ('入户门', '门锁、猫眼、门铃完好', 'DOOR_WINDOW', 11),
 ('客厅', '墙面、顶棚无裂缝、空鼓、渗水', 'CIVIL', 20),
 ('客厅', '地面平整，无空鼓、起砂', 'CIVIL', 21),
 ('客厅', '窗户开关灵活、密封良好，玻璃无破损', 'DOOR_WINDOW', 22),
 ('客厅', '插座、开关、灯具通电正常', 'PLUMBING_ELECTRIC', 23),
 ('卧室', '墙面、顶棚、地面无裂缝、空鼓', 'CIVIL', 30),
 ('卧室', '窗户开关灵活、密封良好', 'DOOR_WINDOW', 31),
 ('卧室', '插座、开关通电正常', 'PLUMBING_ELECTRIC', 32),
 ('厨房', '墙地砖无空鼓、破损', 'FITOUT', 40),
 ('厨房', '给排水通畅，接口无渗漏', 'PLUMBING_ELECTRIC', 41),
 ('厨房', '燃气管道、排烟道完好', 'OTHER', 42),
 ('卫生间', '防水：闭水试验无渗漏，地漏排水通畅', 'WATERPROOF', 50),
 ('卫生间', '洁具安装牢固，无破损', 'FITOUT', 51),
 ('卫生间', '给排水接口无渗漏', 'PLUMBING_ELECTRIC', 52),
 ('阳台', '栏杆牢固，地漏通畅', 'CIVIL', 60),
 ('供暖', '暖气片或地暖无渗漏，阀门完好', 'HVAC', 70),
 ('电气', '户内配电箱、漏电保护正常', 'PLUMBING_ELECTRIC', 80);

create table handover_batch (
    id bigserial primary key,
    project_id bigint not null references project(id),
    name varchar(100) not null,
    starts_on date not null,
    ends_on date not null,
    notes text not null default '',
    created_by varchar(60) not null,
    created_at timestamptz not null default now(),
    version bigint not null default 0,
    unique (project_id, name),
    check (ends_on >= starts_on)
);

-- Appointment slots the owners are booked into.
create table handover_slot (
    id bigserial primary key,
    batch_id bigint not null references handover_batch(id) on delete cascade,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    capacity int not null check (capacity > 0),
    check (ends_at > starts_at)
);
create index handover_slot_batch_idx on handover_slot (batch_id, starts_at);

-- One unit in a batch: booking, inspection, documents and keys, the owner's confirmation.
create table handover_unit (
    id bigserial primary key,
    batch_id bigint not null references handover_batch(id),
    unit_id bigint not null references unit(id),
    owner_id bigint references owner(id),
    -- ADDED (待预约), BOOKED (已预约), INSPECTED (已验房), ACCEPTED (已收房), REFUSED (拒收)
    state varchar(20) not null,
    slot_id bigint references handover_slot(id),
    notified_at timestamptz,
    notice_way varchar(20),
    inspected_at timestamptz,
    inspected_by varchar(60),
    accepted_at timestamptz,
    handover_date date,
    refused_reason text,
    quality_guarantee boolean not null default false,
    usage_manual boolean not null default false,
    keys_count int,
    water_reading numeric(12, 2),
    electricity_reading numeric(12, 2),
    gas_reading numeric(12, 2),
    confirmed_by varchar(60),
    notes text not null default '',
    version bigint not null default 0,
    unique (batch_id, unit_id)
);
create index handover_unit_unit_idx on handover_unit (unit_id);
create index handover_unit_slot_idx on handover_unit (slot_id);

create table handover_unit_history (
    id bigserial primary key,
    handover_unit_id bigint not null references handover_unit(id),
    version bigint not null,
    occurred_at timestamptz not null default now(),
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index handover_unit_history_idx on handover_unit_history (handover_unit_id, id);

-- The inspection: one row per checklist item; a failed item names the work order raised for it.
create table handover_result (
    id bigserial primary key,
    handover_unit_id bigint not null references handover_unit(id),
    check_item_id bigint not null references handover_check_item(id),
    ok boolean not null,
    note text not null default '',
    work_order_id bigint references work_order(id),
    photo bytea,
    photo_name varchar(200),
    photo_type varchar(100),
    unique (handover_unit_id, check_item_id)
);

-- 承接查验: the property company takes the project over before the homes are handed over.
create table takeover (
    id bigserial primary key,
    project_id bigint not null unique references project(id),
    property_company varchar(100) not null default '',
    planned_handover_date date,
    takeover_date date,
    notes text not null default '',
    version bigint not null default 0
);

create table takeover_item (
    id bigserial primary key,
    takeover_id bigint not null references takeover(id) on delete cascade,
    -- SYSTEM (building systems) / DOCUMENT (资料)
    category varchar(20) not null,
    item varchar(100) not null,
    ok boolean,
    note text not null default '',
    sort_order int not null default 0
);

create table takeover_issue (
    id bigserial primary key,
    takeover_id bigint not null references takeover(id) on delete cascade,
    description text not null,
    responsible varchar(100) not null default '',
    deadline date,
    rectified_on date,
    note text not null default ''
);

insert into permission (code, module, sort_order) values
 ('HANDOVER_VIEW', 'handover', 40),
 ('HANDOVER_WORK', 'handover', 41),
 ('HANDOVER_MANAGE', 'handover', 42);

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'handover' where r.code in ('ADMIN', 'MANAGER');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('HANDOVER_VIEW', 'HANDOVER_WORK')
where r.code in ('FIELD', 'OFFICE', 'PROPERTY');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('HANDOVER_VIEW') where r.code in ('LEADER', 'ENGINEERING');
