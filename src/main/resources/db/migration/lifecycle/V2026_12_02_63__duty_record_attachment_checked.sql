-- true when the record's attachment was checked on upload and attachment_type is the type it was found to be;
-- older attachments are served as downloads of application/octet-stream
alter table duty_record add column attachment_checked boolean not null default false;
