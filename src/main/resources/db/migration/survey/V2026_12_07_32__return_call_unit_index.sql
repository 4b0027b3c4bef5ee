-- A unit's return calls (the unit page's 回访 panel asks for its open and its finished ones): by owner there was an
-- index, by unit none, so each unit page read every return call (200,000 in the benchmark) twice.
create index return_call_unit_idx on return_call (unit_id) where unit_id is not null;
