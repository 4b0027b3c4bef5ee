-- The owner archive (C1): projects → buildings → units → owners (with history) and household members.
create extension if not exists pg_trgm;

create table project (
    id bigserial primary key,
    name varchar(100) not null unique,
    address varchar(300) not null default '',
    developer_name varchar(120) not null,
    notes text not null default '',
    created_at timestamptz not null default now(),
    version bigint not null default 0
);

create table building (
    id bigserial primary key,
    project_id bigint not null references project(id),
    name varchar(60) not null,
    floors int,
    notes varchar(300) not null default '',
    version bigint not null default 0,
    unique (project_id, name)
);

create table unit (
    id bigserial primary key,
    project_id bigint not null references project(id),
    building_id bigint not null references building(id),
    room_no varchar(30) not null,
    floor int,
    area numeric(10, 2),
    unit_type varchar(40) not null default '',
    status varchar(20) not null,
    handover_date date,
    notes varchar(500) not null default '',
    version bigint not null default 0,
    unique (building_id, room_no)
);
create index unit_project_status_idx on unit (project_id, status);
create index unit_room_idx on unit (room_no varchar_pattern_ops);
create index unit_order_idx on unit (project_id, building_id, room_no);
create index unit_building_idx on unit (building_id);

create table owner (
    id bigserial primary key,
    name varchar(60) not null,
    gender varchar(10),
    mobile varchar(30),
    other_phone varchar(30),
    id_type varchar(20),
    id_number varchar(40),
    tags varchar(200) not null default '',
    notes text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version bigint not null default 0
);
create index owner_name_idx on owner (name varchar_pattern_ops);
create index owner_mobile_trgm_idx on owner using gin (mobile gin_trgm_ops);
create index owner_other_phone_trgm_idx on owner using gin (other_phone gin_trgm_ops);
create index owner_id_number_idx on owner (id_number);

-- A unit may have several owners at once (co-owners) and over time; ended rows are the history.
create table ownership (
    id bigserial primary key,
    owner_id bigint not null references owner(id),
    unit_id bigint not null references unit(id),
    contract_date date,
    since date,
    until date,
    end_reason varchar(200),
    active boolean not null default true,
    created_at timestamptz not null default now()
);
create index ownership_owner_idx on ownership (owner_id) where active;
create index ownership_unit_idx on ownership (unit_id) where active;
create index ownership_owner_all_idx on ownership (owner_id);
create index ownership_unit_all_idx on ownership (unit_id);

create table household_member (
    id bigserial primary key,
    owner_id bigint not null references owner(id) on delete cascade,
    name varchar(60) not null,
    relation varchar(30) not null,
    gender varchar(10),
    phone varchar(30),
    notes varchar(300) not null default ''
);
create index household_member_owner_idx on household_member (owner_id);

create table import_job (
    id bigserial primary key,
    username varchar(60) not null,
    file_name varchar(200) not null,
    status varchar(20) not null,
    total_rows int not null default 0,
    processed_rows int not null default 0,
    accepted_rows int not null default 0,
    rejected_rows int not null default 0,
    failure varchar(500),
    started_at timestamptz not null default now(),
    finished_at timestamptz
);

create table import_rejection (
    id bigserial primary key,
    job_id bigint not null references import_job(id) on delete cascade,
    row_no int not null,
    column_name varchar(40) not null,
    reason varchar(300) not null
);
create index import_rejection_job_idx on import_rejection (job_id, row_no);
