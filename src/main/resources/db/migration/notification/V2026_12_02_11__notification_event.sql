-- A notification remembers the event it came from: an event delivered twice (resubmitted after a restart, or by two
-- nodes) creates one notification and one mail per recipient.
alter table notification add column event_id uuid;
create unique index notification_event_recipient_idx on notification (event_id, recipient_id) where event_id is not null;
