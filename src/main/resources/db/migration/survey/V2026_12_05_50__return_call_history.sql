-- The history of a return call (处理经过): one row per step, appended after each save with the version it produced.
create table return_call_history (
    id bigserial primary key,
    return_call_id bigint not null references return_call(id),
    version bigint not null,
    occurred_at timestamptz not null,
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index return_call_history_case_idx on return_call_history (return_call_id, id);
