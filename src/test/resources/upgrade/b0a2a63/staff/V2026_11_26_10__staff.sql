-- Staff accounts, roles, permissions (the role × permission matrix is data), positions, login and audit records.
create table position (
    id bigserial primary key,
    code varchar(40) not null unique,
    name varchar(60) not null,
    duties text not null default '',
    sort_order int not null default 0,
    version bigint not null default 0
);

create table role (
    id bigserial primary key,
    code varchar(40) not null unique,
    name varchar(60) not null,
    description varchar(300) not null default '',
    sort_order int not null default 0
);

create table permission (
    code varchar(60) primary key,
    module varchar(40) not null,
    sort_order int not null default 0
);

create table role_permission (
    role_id bigint not null references role(id) on delete cascade,
    permission_code varchar(60) not null references permission(code) on delete cascade,
    primary key (role_id, permission_code)
);

create table staff_account (
    id bigserial primary key,
    username varchar(60) not null,
    display_name varchar(60) not null,
    password_hash varchar(100) not null,
    enabled boolean not null default true,
    position_id bigint references position(id),
    phone varchar(30),
    email varchar(120),
    organization varchar(120),
    failed_attempts int not null default 0,
    locked_until timestamptz,
    password_changed_at timestamptz,
    created_at timestamptz not null default now(),
    version bigint not null default 0
);
create unique index staff_account_username_uq on staff_account (lower(username));

create table staff_role (
    staff_id bigint not null references staff_account(id) on delete cascade,
    role_id bigint not null references role(id) on delete cascade,
    primary key (staff_id, role_id)
);

create table login_event (
    id bigserial primary key,
    username varchar(60) not null,
    kind varchar(20) not null,
    remote_address varchar(64),
    detail varchar(300),
    occurred_at timestamptz not null default now()
);
create index login_event_time_idx on login_event (occurred_at desc);

create table audit_event (
    id bigserial primary key,
    username varchar(60) not null,
    action varchar(40) not null,
    target varchar(200) not null,
    detail text,
    occurred_at timestamptz not null default now()
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_action_idx on audit_event (action, occurred_at desc);

create table api_token (
    id bigserial primary key,
    staff_id bigint not null references staff_account(id) on delete cascade,
    name varchar(60) not null,
    token_hash varchar(64) not null unique,
    token_prefix varchar(12) not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz,
    last_used_at timestamptz,
    revoked boolean not null default false
);

insert into role (code, name, description, sort_order) values
 ('ADMIN', '系统管理员', '账号、角色、权限与设置', 1),
 ('LEADER', '公司领导', '授予本部门职责权限，批示投诉，阅读报表', 2),
 ('MANAGER', '部门经理', '计划、分派、处理重大投诉和群诉、审批、主持会议、负责报表', 3),
 ('FIELD', '外勤', '项目各阶段、交房、监督物业公司、满意度调查、社区活动', 4),
 ('OFFICE', '内勤', '电话、来访接待、投诉受理、档案、考勤统计、电话回访', 5),
 ('ENGINEERING', '工程部', '接收并反馈房屋质量维修工作（受限账号）', 6),
 ('CONTRACTOR', '施工单位', '接收并反馈本单位的维修工作（受限账号）', 7),
 ('PROPERTY', '物业公司', '接收并反馈物业服务相关工作（受限账号）', 8);

insert into permission (code, module, sort_order) values
 ('ARCHIVE_VIEW', 'estate', 10),
 ('ARCHIVE_EDIT', 'estate', 11),
 ('PROJECT_EDIT', 'estate', 12),
 ('OWNER_REVEAL', 'estate', 13),
 ('ARCHIVE_IMPORT', 'estate', 14),
 ('ARCHIVE_EXPORT', 'estate', 15),
 ('STAFF_ADMIN', 'staff', 90),
 ('ROLE_ADMIN', 'staff', 91),
 ('AUDIT_VIEW', 'staff', 92);

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r cross join permission p where r.code = 'ADMIN';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('ARCHIVE_VIEW', 'ARCHIVE_EDIT', 'PROJECT_EDIT', 'OWNER_REVEAL', 'ARCHIVE_IMPORT', 'ARCHIVE_EXPORT', 'AUDIT_VIEW') where r.code = 'MANAGER';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('ARCHIVE_VIEW', 'ARCHIVE_EDIT', 'OWNER_REVEAL', 'ARCHIVE_IMPORT', 'ARCHIVE_EXPORT') where r.code = 'OFFICE';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('ARCHIVE_VIEW', 'ARCHIVE_EDIT', 'OWNER_REVEAL') where r.code = 'FIELD';
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code in ('ARCHIVE_VIEW') where r.code in ('LEADER', 'ENGINEERING', 'PROPERTY');

insert into position (code, name, duties, sort_order) values
('DEPARTMENT', '客服部', '（1）项目前期客户服务部的工作：物业管理的早期介入，参与项目的规划、设计和建设，从方便业主生产、生活和物业管理服务的角度提出意见和建议，使建成后的物业能满足业主或使用人的要求；工程施工期间，常驻现场，参加工程例会，查询技术资料，逐步熟悉工程状况和机电设备安装与运行情况。
（2）项目交房前客户服务部的工作：销售前根据项目的具体情况制定物业服务内容，确定服务级别标准；委托物业服务评估监理机构对物业服务费用进行测算，并将所制定的物业费标准、级别报区县建委小区办备案；制定编写《前期物业服务合同》和《业主规约》，并将以上文件列入销售合同附件向业主公示；配合项目销售，收集客户对项目今后物业服务的意见与建议，跟踪了解业主动态；通过招投标方式为前期物业服务选聘物业服务公司，与其签订《前期物业服务委托合同》并制定相应的物业服务与费用的标准；参加工程验收接管工作，协调、督促、监督、检查物业公司按照验收标准，按时接管物业；参加项目交屋工作，指导、检查物业公司按交屋时限和入住标准及要求，全面完成业主入住工作。
（3）项目交房后客户服务部的工作：做好业主入住后的客户服务工作，对业主入住后提出的有关房屋质量问题，协调工程部门和施工单位进行跟进维修；监督、检查物业公司按照物业服务标准为业主入住后提供的物业服务工作；交屋以后与街道办事处、派出所、小区办沟通并联络业主尽快召开业主大会，及时组建业主委员会；督促工程部门加快对小区公共设备设施进行完善，达到向业主委员会移交的条件；与业主委员会完成公共设备设施的交接工作；及时了解掌握国家和北京市政府关于物业管理方面的法律、法规变化情况，为公司领导决策当好参谋。
（4）日常管理：收集和接待客户的投诉，并配合协调公司相关部门解决；建立健全客户档案管理信息系统；配合公司新的项目销售，做好策划宣传工作，对已有项目的业主组织丰富多彩的活动，将公司的项目制作成纪录片。', 1),
('MANAGER', '部门经理', '（1）制定具体客户服务部的计划落实与执行；
（2）利用现有资源，创造性建立客户和公司利益共同体；
（3）定期组织部门会议，部署工作安排、传达公司精神，督导并落实；
（4）对重大客户投诉或群诉的处理，及时反馈相关部门和人员；
（5）品牌推广方案及活动计划的制订与实施；
（6）协调客户服务部和公司各业务部门、相关职能部门的关系；
（7）完成领导交办的其他工作，以及主动配合其他部门完成相关工作；
（8）主动履行修改、完善本部门的职责义务。', 2),
('FIELD', '外勤', '（1）项目筹划期做好物业评估测算、销售前期的准备工作；
（2）项目施工期间逐步了解设备情况及施工进度；
（3）项目竣工协助物业公司做好入住业主的服务工作，对存在的问题及时与施工方协调处理；
（4）建立和完善客户关系管理各项制度及客户关怀计划；
（5）组织、实施客户满意度调查、信息反馈统计及社区文化建设。', 3),
('OFFICE', '内勤', '（1）建立健全档案管理，做好资料的收集与整理工作；
（2）按照公司规定做好考勤的统计工作；
（3）统筹管理投诉电话、安排日常工作；
（4）对来电话人员咨询、投诉、建议及意见进行解答和记录；
（5）协助维护客户关系、客户资料统计、客户满意度电话调查、客户电话回访等工作。', 4);
