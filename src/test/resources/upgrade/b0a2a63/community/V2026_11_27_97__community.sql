-- Customer care and community (C8): 品牌推广计划, 社区文化活动 with sign-ups, waiting list, attendance, photos and
-- feedback, and 客户关怀计划 (greeting rules and what was done for each owner each year).

create table brand_plan (
    id bigserial primary key,
    title varchar(100) not null,
    period_from date not null,
    period_to date not null,
    goal text not null default '',
    budget numeric(12, 2) not null default 0 check (budget >= 0),
    notes text not null default '',
    created_by varchar(60) not null,
    created_at timestamptz not null default now(),
    version bigint not null default 0,
    check (period_to >= period_from)
);
create index brand_plan_period_idx on brand_plan (period_from desc, id desc);

create table activity (
    id bigserial primary key,
    title varchar(100) not null,
    project_id bigint references project(id),
    plan_id bigint references brand_plan(id),
    starts_at timestamptz not null,
    place varchar(200) not null,
    budget numeric(12, 2) not null default 0 check (budget >= 0),
    capacity int not null check (capacity > 0),
    responsible_id bigint references staff_account(id),
    description text not null default '',
    -- PLANNED 计划中, OPEN 报名中, FINISHED 已结束, CANCELLED 已取消
    state varchar(20) not null default 'PLANNED',
    actual_cost numeric(12, 2) check (actual_cost >= 0),
    created_by varchar(60) not null,
    created_at timestamptz not null default now(),
    version bigint not null default 0
);
create index activity_starts_idx on activity (starts_at desc, id desc);
create index activity_state_idx on activity (state, starts_at desc);
create index activity_project_idx on activity (project_id, starts_at desc);
create index activity_plan_idx on activity (plan_id) where plan_id is not null;

create table activity_signup (
    id bigserial primary key,
    activity_id bigint not null references activity(id),
    owner_id bigint not null references owner(id),
    unit_id bigint references unit(id),
    people int not null default 1 check (people > 0),
    -- CONFIRMED 已报名, WAITING 候补 (with its position), CANCELLED 已取消
    status varchar(20) not null,
    position int,
    phone varchar(30) not null default '',
    notes varchar(300) not null default '',
    attended boolean,
    score int check (score between 1 and 5),
    feedback text not null default '',
    signed_up_by varchar(60) not null,
    signed_up_at timestamptz not null default now(),
    cancelled_at timestamptz,
    check ((status = 'WAITING') = (position is not null))
);
create unique index activity_signup_owner_uq on activity_signup (activity_id, owner_id) where status <> 'CANCELLED';
create index activity_signup_activity_idx on activity_signup (activity_id, status, position);
create index activity_signup_owner_idx on activity_signup (owner_id);

create table activity_photo (
    id bigserial primary key,
    activity_id bigint not null references activity(id),
    file_name varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes bigint not null,
    data bytea not null,
    caption varchar(200) not null default '',
    uploaded_by varchar(60) not null,
    uploaded_at timestamptz not null default now()
);
create index activity_photo_idx on activity_photo (activity_id);

create table care_rule (
    id bigserial primary key,
    name varchar(100) not null,
    -- BIRTHDAY 业主生日 (from an 18-digit ID number), HANDOVER 交房周年, FESTIVAL 节日 (festival_date)
    kind varchar(20) not null,
    festival_date date,
    days_ahead int not null check (days_ahead between 0 and 60),
    template text not null,
    project_id bigint references project(id),
    active boolean not null default true,
    version bigint not null default 0,
    check (kind <> 'FESTIVAL' or festival_date is not null)
);

-- What was done for an owner under a rule for the occasion of one year: 已关怀 or 跳过, with a note.
create table care_record (
    id bigserial primary key,
    rule_id bigint not null references care_rule(id),
    owner_id bigint not null references owner(id),
    unit_id bigint references unit(id),
    year int not null,
    occasion date not null,
    outcome varchar(10) not null check (outcome in ('DONE', 'SKIPPED')),
    note varchar(300) not null default '',
    recorded_by varchar(60) not null,
    recorded_at timestamptz not null default now()
);
create unique index care_record_uq on care_record (rule_id, owner_id, coalesce(unit_id, 0), year);
create index care_record_owner_idx on care_record (owner_id);

-- The date of month m, day d in year y; a day the month lacks (29 February in a common year) falls on its last day.
create function community_on(m int, d int, y int) returns date language sql immutable as $$
    select case when m between 1 and 12 and d between 1 and 31 then
        make_date(y, m, least(d, extract(day from (make_date(y, m, 1) + interval '1 month' - interval '1 day'))::int)) end
$$;

-- The first anniversary of month m, day d on or after from_day.
create function community_next(m int, d int, from_day date) returns date language sql immutable as $$
    select case when community_on(m, d, extract(year from from_day)::int) >= from_day
                then community_on(m, d, extract(year from from_day)::int)
                else community_on(m, d, extract(year from from_day)::int + 1) end
$$;

-- Birthdays are found from the ID number's date of birth (positions 7–14 of an 18-digit number).
create index owner_birthday_idx on owner ((substr(id_number, 11, 4))) where id_number ~ '^[0-9]{17}[0-9Xx]$';
create index unit_handover_day_idx on unit ((extract(month from handover_date)::int * 100 + extract(day from handover_date)::int))
    where handover_date is not null;

insert into permission (code, module, sort_order) values
 ('COMMUNITY_VIEW', 'community', 80),
 ('COMMUNITY_EDIT', 'community', 81),
 ('COMMUNITY_MANAGE', 'community', 82);
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'community' where r.code in ('ADMIN', 'MANAGER', 'FIELD');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('COMMUNITY_VIEW', 'COMMUNITY_EDIT') where r.code = 'OFFICE';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code = 'COMMUNITY_VIEW' where r.code = 'LEADER';
