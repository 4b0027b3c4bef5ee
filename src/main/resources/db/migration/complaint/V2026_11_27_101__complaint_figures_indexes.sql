-- The dashboards read open complaints only from this index (index-only scans): their state and age, and whether
-- they are overdue or due today, without visiting the table.
drop index if exists complaint_open_age_idx;
create index complaint_open_age_idx on complaint (state, complained_at)
    include (waiting_since, replied_at, reply_due, close_due) where closed_at is null;
-- the months of complaints: received, closed, replied in time, satisfied, per project
create index complaint_month_figures_idx on complaint (complaint_date)
    include (project_id, closed_at, replied_at, reply_due, return_satisfied);
