-- the dashboards' open work orders by state and age: an index-only scan of the open ones
create index work_order_open_age_idx on work_order (state, reported_at) where accepted_at is null and cancelled_at is null;
