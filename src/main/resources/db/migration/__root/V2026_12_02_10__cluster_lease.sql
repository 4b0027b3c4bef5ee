-- A lease names the one application node that does a piece of work for a while (e.g. resubmitting undelivered
-- events); another node takes it over only after it has expired.
create table cluster_lease (
    name varchar(60) primary key,
    holder varchar(120) not null,
    expires_at timestamptz not null
);
