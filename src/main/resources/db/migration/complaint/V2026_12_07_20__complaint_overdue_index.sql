-- The open complaints overdue now, by the moment they fell (or fall) due: the reply's limit while not replied, else
-- the closing limit; those waiting for the owner are never overdue. "Overdue" is then one range (next due < now), read
-- from this index alone (the expression's own columns are included too, or PostgreSQL would visit the table to
-- recompute it), instead of visiting every open complaint (300,000 of them in the benchmark) to compare its limits.
create index complaint_overdue_idx on complaint
    ((case when replied_at is null then least(reply_due, close_due) else close_due end))
    include (replied_at, reply_due, close_due, complaint_date, project_id, handler_id)
    where closed_at is null and waiting_since is null;
