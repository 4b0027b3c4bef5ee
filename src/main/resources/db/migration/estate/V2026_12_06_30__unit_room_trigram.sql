-- 房号 is searched by any part of it (301, 0301, 1-0301): a trigram index serves like '%…%'
create index unit_room_trgm_idx on unit using gin (room_no gin_trgm_ops);
