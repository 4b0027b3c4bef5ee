-- The region whose rules apply to the project where they differ by region (the first owners' assembly: Beijing has
-- its own regulation, elsewhere the national rules apply). 金第 builds in Beijing: existing projects are Beijing's.
alter table project
    add column region varchar(20) not null default 'BEIJING' check (region in ('BEIJING', 'OTHER'));
