-- A dashboard filtered by project reads that project's open complaints from this index alone.
create index complaint_open_project_idx on complaint (project_id, state, complained_at)
    include (waiting_since, replied_at, reply_due, close_due) where closed_at is null;
