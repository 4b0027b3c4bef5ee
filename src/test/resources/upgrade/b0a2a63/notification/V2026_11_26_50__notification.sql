-- In-app notifications for staff.
create table notification (
    id bigserial primary key,
    recipient_id bigint not null references staff_account(id),
    title varchar(200) not null,
    body text not null default '',
    link varchar(300),
    created_at timestamptz not null default now(),
    read_at timestamptz
);
create index notification_unread_idx on notification (recipient_id, id desc) where read_at is null;
create index notification_recipient_idx on notification (recipient_id, id desc);
