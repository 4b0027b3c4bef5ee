-- The history of each rectification notice: one row per step (state changes, field changes, what was recorded), appended, never changed.
create table rectification_notice_history (
    id bigserial primary key,
    rectification_notice_id bigint not null references rectification_notice(id),
    version bigint not null,
    occurred_at timestamptz not null,
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index rectification_notice_history_case_idx on rectification_notice_history (rectification_notice_id, id);
