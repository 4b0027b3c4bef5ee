-- the months of return calls for the dashboards (index-only)
create index return_call_month_figures_idx on return_call (due_at) include (project_id, state, done_at, satisfied);
