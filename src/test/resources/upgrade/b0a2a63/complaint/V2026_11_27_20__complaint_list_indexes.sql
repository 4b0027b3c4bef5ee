-- Lists filtered by owner of the case, channel or severity walk these indexes newest first instead of all complaints;
-- a project's complaints in a period come from one index.
create index complaint_handler_list_idx on complaint (handler_id, id desc);
create index complaint_channel_list_idx on complaint (channel, id desc);
create index complaint_severity_list_idx on complaint (severity, id desc);
create index complaint_project_date_idx on complaint (project_id, complaint_date, id);
create index complaint_open_list_idx on complaint (id desc) where closed_at is null;
