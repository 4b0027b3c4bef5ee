-- Return calls (回访) and satisfaction surveys (C7).

create table return_call (
    id bigserial primary key,
    -- COMPLAINT or WORK_ORDER
    kind varchar(20) not null,
    case_id bigint not null,
    case_code varchar(30) not null,
    project_id bigint references project(id),
    owner_id bigint references owner(id),
    unit_id bigint references unit(id),
    contact_name varchar(60) not null default '',
    contact_phone varchar(30) not null default '',
    assignee_id bigint references staff_account(id),
    due_at timestamptz not null,
    -- OPEN, DONE (reached), UNREACHABLE (not reached after the last attempt), CLOSED (recorded on the case itself)
    state varchar(20) not null default 'OPEN',
    attempts int not null default 0,
    next_attempt_at timestamptz,
    satisfied boolean,
    comment text,
    done_at timestamptz,
    done_by varchar(60),
    created_at timestamptz not null default now(),
    version bigint not null default 0
);
create index return_call_open_idx on return_call (due_at) where state = 'OPEN';
create index return_call_case_idx on return_call (kind, case_id);
create index return_call_assignee_idx on return_call (assignee_id, state);
create index return_call_owner_idx on return_call (owner_id) where owner_id is not null;

create table return_call_attempt (
    id bigserial primary key,
    return_call_id bigint not null references return_call(id) on delete cascade,
    occurred_at timestamptz not null default now(),
    actor varchar(60) not null,
    reached boolean not null,
    note text not null default ''
);
create index return_call_attempt_idx on return_call_attempt (return_call_id, id);

create table survey_template (
    id bigserial primary key,
    name varchar(100) not null unique,
    description text not null default '',
    active boolean not null default true,
    created_at timestamptz not null default now()
);

create table survey_question (
    id bigserial primary key,
    template_id bigint not null references survey_template(id) on delete cascade,
    position int not null,
    -- SCORE5 (1–5), SCORE10 (0–10), RECOMMEND (0–10, would recommend), SINGLE, MULTIPLE, TEXT
    kind varchar(20) not null,
    text varchar(300) not null,
    options text[] not null default '{}',
    required boolean not null default true
);
create index survey_question_template_idx on survey_question (template_id, position);

create table survey_campaign (
    id bigserial primary key,
    template_id bigint not null references survey_template(id),
    name varchar(100) not null,
    -- HANDOVER_30_DAYS, HANDOVER_1_YEAR, PROJECT_ALL, COMPLAINT_CLOSED_LAST_MONTH
    audience varchar(40) not null,
    project_id bigint references project(id),
    -- OPEN (answers taken), CLOSED
    state varchar(20) not null default 'OPEN',
    targets int not null default 0,
    created_by varchar(60) not null,
    created_at timestamptz not null default now(),
    closed_at timestamptz
);

-- Who is asked: one row per owner and home; the token is the owner's personal link, good for one answer.
create table survey_target (
    id bigserial primary key,
    campaign_id bigint not null references survey_campaign(id) on delete cascade,
    owner_id bigint not null references owner(id),
    unit_id bigint references unit(id),
    project_id bigint references project(id),
    token varchar(40) not null unique,
    answered_at timestamptz,
    -- 'owner' (through the link) or the staff member who took the answers by phone
    answered_by varchar(60),
    unique (campaign_id, owner_id, unit_id)
);
create index survey_target_campaign_idx on survey_target (campaign_id, answered_at);
create index survey_target_owner_idx on survey_target (owner_id);

create table survey_answer (
    target_id bigint not null references survey_target(id) on delete cascade,
    question_id bigint not null references survey_question(id),
    score int,
    choices text[],
    text text,
    primary key (target_id, question_id)
);
create index survey_answer_question_idx on survey_answer (question_id);

insert into survey_template (name, description) values
 ('入住满意度调查', '交房后30天：交房、房屋质量、维修与物业服务'),
 ('年度满意度调查', '交房一年及以后每年：房屋质量、物业服务、客户服务与推荐意愿');

insert into survey_question (template_id, position, kind, text, options, required)
select t.id, q.position, q.kind, q.text, q.options, q.kind <> 'TEXT' from survey_template t,
 (values
  ('入住满意度调查', 1, 'SCORE5', '您对交房过程（预约、验房、资料交付）是否满意？', '{}'::text[]),
  ('入住满意度调查', 2, 'SCORE5', '您对房屋质量是否满意？', '{}'::text[]),
  ('入住满意度调查', 3, 'SCORE5', '您对维修的及时性和质量是否满意？', '{}'::text[]),
  ('入住满意度调查', 4, 'SINGLE', '您最希望改进的方面是？', '{房屋质量,维修服务,物业服务,社区配套,其他}'::text[]),
  ('入住满意度调查', 5, 'RECOMMEND', '您有多大可能向亲友推荐金第的房子？（0–10分）', '{}'::text[]),
  ('入住满意度调查', 6, 'TEXT', '其他意见和建议', '{}'::text[]),
  ('年度满意度调查', 1, 'SCORE5', '您对房屋质量是否满意？', '{}'::text[]),
  ('年度满意度调查', 2, 'SCORE5', '您对物业服务是否满意？', '{}'::text[]),
  ('年度满意度调查', 3, 'SCORE5', '您对客户服务部（投诉、回访）是否满意？', '{}'::text[]),
  ('年度满意度调查', 4, 'MULTIPLE', '您参加过哪些社区活动？', '{节日活动,亲子活动,健康讲座,都没有参加}'::text[]),
  ('年度满意度调查', 5, 'RECOMMEND', '您有多大可能向亲友推荐金第的房子？（0–10分）', '{}'::text[]),
  ('年度满意度调查', 6, 'TEXT', '其他意见和建议', '{}'::text[])
 ) as q(template, position, kind, text, options)
where t.name = q.template;

insert into permission (code, module, sort_order) values
 ('RETURN_CALL', 'survey', 70),
 ('SURVEY_VIEW', 'survey', 71),
 ('SURVEY_MANAGE', 'survey', 72);
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'survey' where r.code in ('ADMIN', 'MANAGER', 'FIELD');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('RETURN_CALL', 'SURVEY_VIEW') where r.code = 'OFFICE';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code = 'SURVEY_VIEW' where r.code = 'LEADER';
