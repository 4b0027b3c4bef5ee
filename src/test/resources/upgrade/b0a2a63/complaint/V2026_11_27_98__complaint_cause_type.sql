-- 原因类别: the kind of cause found in 原因分析, so that the causes can be counted over time.
alter table complaint add column cause_type varchar(30);
create index complaint_cause_month_idx on complaint (complaint_date, cause_type) where cause_type is not null;
-- the dashboards' open complaints by state and age: an index-only scan of the open ones
create index complaint_open_age_idx on complaint (state, complained_at) where closed_at is null;
