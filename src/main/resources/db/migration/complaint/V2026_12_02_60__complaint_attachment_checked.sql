-- true when the attachment's bytes were checked on upload and content_type is the type they were found to be;
-- older rows keep the uploader's claim and are served as downloads of application/octet-stream
alter table complaint_attachment add column content_checked boolean not null default false;
