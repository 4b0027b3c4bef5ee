-- The history of each duty item: one row per step (state changes, field changes, what was recorded), appended, never changed.
create table duty_item_history (
    id bigserial primary key,
    duty_item_id bigint not null references duty_item(id),
    version bigint not null,
    occurred_at timestamptz not null,
    actor varchar(60) not null,
    kind varchar(30) not null,
    field varchar(40),
    old_value text,
    new_value text,
    note text
);
create index duty_item_history_case_idx on duty_item_history (duty_item_id, id);
