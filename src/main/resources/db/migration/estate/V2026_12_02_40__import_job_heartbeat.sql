-- An import runs on one application node. The job records that node and, every few seconds while it runs, the time
-- it was last seen working (heartbeat_at); a running job whose heartbeat is older than the limit lost its node and is
-- marked failed by whichever node sweeps first. failure_key names the message shown for such a failure.
alter table import_job add column node_id varchar(120), add column heartbeat_at timestamptz,
    add column failure_key varchar(100);

-- imports left running by an earlier version have no heartbeat: the time they started stands in for it
update import_job set heartbeat_at = started_at where status = 'RUNNING';

create index import_job_running_idx on import_job (heartbeat_at) where status = 'RUNNING';
