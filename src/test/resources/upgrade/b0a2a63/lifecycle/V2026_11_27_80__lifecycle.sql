-- A project's life (C5): the charter's duties of the customer service department per phase (§二.1), with records
-- of the special ones, and the supervision of the property company.

-- The charter's duties, in its words; every project gets them as items.
create table duty_template (
    code varchar(40) primary key,
    -- EARLY (项目前期), BEFORE_HANDOVER (交房前), AFTER_HANDOVER (交房后)
    phase varchar(20) not null,
    title text not null,
    kind varchar(30) not null,
    sort_order int not null
);

insert into duty_template (code, phase, title, kind, sort_order) values
 ('EARLY_INVOLVEMENT', 'EARLY', '物业管理的早期介入，参与项目的规划、设计和建设，从方便业主生产、生活和物业管理服务的角度提出意见和建议，使建成后的物业能满足业主或使用人的要求。', 'EARLY_INVOLVEMENT', 10),
 ('SITE_MEETINGS', 'EARLY', '工程施工期间，常驻现场，参加工程例会，查询技术资料，逐步熟悉工程状况和机电设备安装与运行情况。', 'SITE_MEETING', 20),
 ('SERVICE_STANDARD', 'BEFORE_HANDOVER', '销售前根据项目的具体情况制定物业服务内容，确定服务级别标准。', 'SERVICE_STANDARD', 30),
 ('FEE_FILING', 'BEFORE_HANDOVER', '委托物业服务评估监理机构对物业服务费用进行测算。并将所制定的物业费标准、级别报区县建委小区办备案。', 'FEE_FILING', 40),
 ('CONTRACTS', 'BEFORE_HANDOVER', '制定编写《前期物业服务合同》和《业主规约》。并将以上文件列入销售合同附件向业主公示。', 'CONTRACTS', 50),
 ('SALES_FEEDBACK', 'BEFORE_HANDOVER', '配合项目销售，收集客户对项目今后物业服务的意见与建议，跟踪了解业主动态。', 'OPINIONS', 60),
 ('TENDER', 'BEFORE_HANDOVER', '通过招投标方式为前期物业服务选聘物业服务公司，与其签订《前期物业服务委托合同》并制定相应的物业服务与费用的标准。', 'TENDER', 70),
 ('TAKEOVER', 'BEFORE_HANDOVER', '参加工程验收接管工作，协调、督促、监督、检查物业公司按照验收标准，按时接管物业。', 'TAKEOVER', 80),
 ('HANDOVER', 'BEFORE_HANDOVER', '参加项目交屋工作，指导、检查物业公司按交屋时限和入住标准及要求，全面完成业主入住工作。', 'HANDOVER', 90),
 ('REPAIRS', 'AFTER_HANDOVER', '做好业主入住后的客户服务工作，对业主入住后提出的有关房屋质量问题，协调工程部门和施工单位进行跟进维修。', 'REPAIRS', 100),
 ('SUPERVISION', 'AFTER_HANDOVER', '监督、检查物业公司按照物业服务标准为业主入住后提供的物业服务工作。', 'SUPERVISION', 110),
 ('OWNERS_ASSEMBLY', 'AFTER_HANDOVER', '交屋以后与街道办事处、派出所、小区办沟通并联络业主尽快召开业主大会，及时组建业主委员会。', 'ASSEMBLY', 120),
 ('FACILITIES', 'AFTER_HANDOVER', '督促工程部门加快对小区公共设备设施进行完善，达到向业主委员会移交的条件。', 'FACILITIES', 130),
 ('FACILITIES_HANDOVER', 'AFTER_HANDOVER', '与业主委员会完成公共设备设施的交接工作。', 'FACILITIES', 140),
 ('LAWS', 'AFTER_HANDOVER', '及时了解掌握国家和北京市政府关于物业管理方面的法律、法规变化情况，为公司领导决策当好参谋。', 'LAWS', 150);

create table duty_item (
    id bigserial primary key,
    project_id bigint not null references project(id),
    code varchar(40) not null,
    phase varchar(20) not null,
    title text not null,
    kind varchar(30) not null,
    owner_id bigint references staff_account(id),
    due_date date,
    -- TODO (未开始), IN_PROGRESS (进行中), DONE (已完成), NOT_APPLICABLE (不适用)
    status varchar(20) not null default 'TODO',
    notes text not null default '',
    sort_order int not null default 0,
    version bigint not null default 0,
    updated_at timestamptz not null default now(),
    unique (project_id, code)
);
create index duty_item_project_idx on duty_item (project_id, sort_order);

-- What was done for an item: opinions, meeting notes, filings, contract versions, bids, milestones, laws…
-- The columns a kind uses are listed in DutyKinds.
create table duty_record (
    id bigserial primary key,
    duty_item_id bigint not null references duty_item(id) on delete cascade,
    recorded_at timestamptz not null default now(),
    actor varchar(60) not null,
    record_date date,
    title varchar(300) not null default '',
    content text not null default '',
    response text not null default '',
    counterparty varchar(200) not null default '',
    reference varchar(200) not null default '',
    amount numeric(14, 2),
    score numeric(6, 2),
    awarded boolean,
    attachment_name varchar(200),
    attachment_type varchar(100),
    attachment bytea
);
create index duty_record_item_idx on duty_record (duty_item_id, record_date, id);

-- Supervision of the property company: a scored checklist, inspections, rectification notices.
create table supervision_item (
    id bigserial primary key,
    category varchar(40) not null,
    item varchar(200) not null,
    max_score int not null check (max_score > 0),
    sort_order int not null default 0,
    active boolean not null default true
);
insert into supervision_item (category, item, max_score, sort_order) values
 ('清洁卫生', '楼道、电梯轿厢与公共区域清洁', 8, 10),
 ('清洁卫生', '垃圾分类与清运及时', 6, 11),
 ('清洁卫生', '外围道路、地下车库清洁', 6, 12),
 ('秩序维护', '门岗值守与访客登记', 7, 20),
 ('秩序维护', '巡逻及记录', 7, 21),
 ('秩序维护', '车辆停放与交通秩序', 6, 22),
 ('绿化养护', '修剪、浇灌与补植', 8, 30),
 ('绿化养护', '病虫害防治', 7, 31),
 ('设施设备', '电梯运行与维保记录', 8, 40),
 ('设施设备', '消防设施完好、通道畅通', 9, 41),
 ('设施设备', '公共照明、给排水设施完好', 8, 42),
 ('客户服务', '报修响应及时、回访', 10, 50),
 ('客户服务', '投诉处理与服务态度', 10, 51);

create table supervision_inspection (
    id bigserial primary key,
    project_id bigint not null references project(id),
    inspected_on date not null,
    inspector varchar(60) not null,
    property_company varchar(100) not null default '',
    total numeric(6, 2) not null,
    max_total numeric(6, 2) not null,
    notes text not null default '',
    created_at timestamptz not null default now()
);
create index supervision_inspection_project_idx on supervision_inspection (project_id, inspected_on);

create table supervision_score (
    inspection_id bigint not null references supervision_inspection(id) on delete cascade,
    item_id bigint not null references supervision_item(id),
    score numeric(6, 2) not null,
    note text not null default '',
    primary key (inspection_id, item_id)
);

create table rectification_notice (
    id bigserial primary key,
    inspection_id bigint not null references supervision_inspection(id),
    project_id bigint not null references project(id),
    item_id bigint references supervision_item(id),
    requirement text not null,
    deadline date not null,
    -- OPEN (待整改), PASSED (复查合格), FAILED (复查不合格, a new deadline follows)
    state varchar(20) not null default 'OPEN',
    reinspected_on date,
    result text,
    version bigint not null default 0
);
create index rectification_notice_project_idx on rectification_notice (project_id, state);

insert into permission (code, module, sort_order) values
 ('LIFECYCLE_VIEW', 'lifecycle', 50),
 ('LIFECYCLE_EDIT', 'lifecycle', 51),
 ('SUPERVISION_EDIT', 'lifecycle', 52);

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'lifecycle' where r.code in ('ADMIN', 'MANAGER');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('LIFECYCLE_VIEW', 'LIFECYCLE_EDIT', 'SUPERVISION_EDIT')
where r.code = 'FIELD';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('LIFECYCLE_VIEW') where r.code in ('LEADER', 'OFFICE', 'ENGINEERING', 'PROPERTY');
