-- The dashboards read open work orders (all projects or one) with their due dates from this index alone.
create index work_order_open_figures_idx on work_order (project_id, state, reported_at)
    include (due_at) where accepted_at is null and cancelled_at is null;
