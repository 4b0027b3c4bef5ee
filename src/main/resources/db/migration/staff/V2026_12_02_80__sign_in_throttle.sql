-- Failed sign-ins are counted per (account, source address) and per source address: a lock holds only for the
-- address that failed, so nobody can lock another person out of the system.
create table sign_in_failure (
    username varchar(60) not null,
    remote_address varchar(64) not null,
    failures int not null,
    last_failure_at timestamptz not null,
    locked_until timestamptz,
    primary key (username, remote_address)
);
create index sign_in_failure_time_idx on sign_in_failure (last_failure_at);

create table sign_in_address (
    remote_address varchar(64) primary key,
    failures int not null,
    last_failure_at timestamptz not null
);
create index sign_in_address_time_idx on sign_in_address (last_failure_at);

-- the account-wide locks of the earlier versions are lifted; they are never set again
update staff_account set locked_until = null, failed_attempts = 0 where locked_until is not null or failed_attempts > 0;
