-- Mail to staff goes through this outbox: a message waits here until the SMTP server has taken it, and is retried
-- with growing pauses when the server is down.
create table mail_outbox (
    id bigserial primary key,
    recipient_id bigint not null references staff_account(id),
    to_address varchar(120) not null,
    subject varchar(200) not null,
    body text not null,
    attempts int not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    last_error varchar(500),
    created_at timestamptz not null default now()
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
