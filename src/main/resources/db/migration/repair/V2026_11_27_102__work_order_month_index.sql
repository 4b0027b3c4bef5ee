-- the months of work orders for the dashboards: reported, accepted, finished by the due date, rated (index-only)
create index work_order_month_figures_idx on work_order (reported_at)
    include (project_id, accepted_at, finished_at, due_at, owner_rating);
