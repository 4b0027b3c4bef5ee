-- The working-day calendar: weekends are days off unless listed as make-up workdays (调休上班);
-- public holidays are listed as days off. A year counts as known only once it is entered in work_calendar_year.
create table work_calendar_year (
    year int primary key,
    source varchar(300) not null,
    entered_by varchar(60) not null,
    entered_at timestamptz not null default now()
);

create table work_calendar_day (
    day date primary key,
    kind varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(40) not null
);

insert into work_calendar_year (year, source, entered_by) values
 (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'system');

insert into work_calendar_day (day, kind, name) values
 ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
 ('2026-01-04', 'WORKDAY', '元旦调休'),
 ('2026-02-14', 'WORKDAY', '春节调休'),
 ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
 ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
 ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
 ('2026-02-28', 'WORKDAY', '春节调休'),
 ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
 ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
 ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
 ('2026-05-09', 'WORKDAY', '劳动节调休'),
 ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
 ('2026-09-20', 'WORKDAY', '国庆节调休'),
 ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
 ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
 ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
 ('2026-10-07', 'HOLIDAY', '国庆节'),
 ('2026-10-10', 'WORKDAY', '国庆节调休');

insert into permission (code, module, sort_order) values ('CALENDAR_ADMIN', 'staff', 93);
insert into role_permission (role_id, permission_code) select id, 'CALENDAR_ADMIN' from role where code = 'ADMIN';
