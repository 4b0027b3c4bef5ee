-- true when the photo was decoded and re-encoded on upload and content_type is ours; older rows are served as
-- downloads of application/octet-stream
alter table activity_photo add column content_checked boolean not null default false;
