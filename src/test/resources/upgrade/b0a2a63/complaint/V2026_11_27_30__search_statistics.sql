-- Let the planner know how common each character pair is (the default keeps only the most common ~100), so that a
-- search for a frequent multi-character word walks the newest complaints instead of collecting every match first.
alter table complaint_search alter column grams set statistics 1000;
