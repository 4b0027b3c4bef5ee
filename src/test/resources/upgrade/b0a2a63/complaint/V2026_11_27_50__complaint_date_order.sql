-- Lists filtered by a date range are shown newest date first (complaint_date desc, id desc); the index must give
-- that order when read backwards so a page stops after its rows instead of sorting the whole range.
drop index complaint_date_idx;
create index complaint_date_idx on complaint (complaint_date, id);

-- The members of a group are found by group_id (group pages, merges).
create index complaint_group_idx on complaint (group_id) where group_id is not null;
