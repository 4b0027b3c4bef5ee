-- The history of each activity: one row per step (state changes, field changes, what was recorded), appended, never changed.
create table activity_history (
    id bigserial primary key,
    activity_id bigint not null references activity(id),
    version bigint not null,
    occurred_at timestamptz not null,
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index activity_history_case_idx on activity_history (activity_id, id);
