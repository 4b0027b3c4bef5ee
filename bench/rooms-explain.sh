#!/usr/bin/env bash
# 房号 search at 100,000 units: loads 100,000 generated units (25 buildings × 5 entrances × 32 floors × 25 doors, rooms
# like 3-1502) with one owner each into a database of its own, then shows with EXPLAIN ANALYZE that the unit list's and
# the owner list's room filter (room_no like '%…%', as ArchiveQueries builds it) is served by the trigram index
# unit_room_trgm_idx, and how long each takes. Exits non-zero when a plan does not use the index.
#
#   bench/rooms-explain.sh                 # starts the app on bench/out/db-rooms (loaded on the first run)
#   PGPORT=40000 bench/rooms-explain.sh    # or uses a running one's embedded database
#   VERBOSE=1 bench/rooms-explain.sh       # prints the whole plans
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || die "psql is required"

if [[ -z "${PGPORT:-}" ]]; then
	build_app
	start_app "$OUT/db-rooms" "$OUT/rooms-app.log"
	PGPORT="$(pg_port)"
fi
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=estatedesk
sql1() { psql -X -At -v ON_ERROR_STOP=1 -c "$1"; }

project="$(sql1 "select id from project where name = '房号基准'")"
if [[ -z "$project" ]]; then
	log "loading 100,000 units with their owners"
	psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
insert into project (name, developer_name) values ('房号基准', '基准开发');
insert into building (project_id, name, floors)
	select p.id, b || '号楼', 32 from project p, generate_series(1, 25) b where p.name = '房号基准';
insert into unit (project_id, building_id, room_no, floor, area, status)
	select b.project_id, b.id, e || '-' || lpad(f::text, 2, '0') || lpad(d::text, 2, '0'), f, 89.5, 'OCCUPIED'
	from building b join project p on p.id = b.project_id, generate_series(1, 5) e, generate_series(1, 32) f,
	     generate_series(1, 25) d
	where p.name = '房号基准';
insert into owner (name, mobile) select '业主' || u.id, '139' || lpad(u.id::text, 8, '0') from unit u
	join project p on p.id = u.project_id where p.name = '房号基准' order by u.id;
insert into ownership (owner_id, unit_id)
	select o.id, u.id from unit u join project p on p.id = u.project_id join owner o on o.name = '业主' || u.id
	where p.name = '房号基准';
analyze unit; analyze owner; analyze ownership;
SQL
fi
echo "== 房号 search, EXPLAIN ANALYZE — $(date -Iseconds)"
machine_note
sql1 "select 'units ' || count(*) from unit"

# the SQL of ArchiveQueries.units() and owners() with a room filter (page 0 of 20, and the bounded count)
units_page() { echo "select u.id from unit u where u.room_no like '$1' order by u.project_id, u.building_id, u.room_no limit 21"; }
units_count() { echo "select count(*) from (select u.id from unit u where u.room_no like '$1' limit 10001) bounded"; }
owners_page() { echo "select s.owner_id id from ownership s join unit u on u.id = s.unit_id where s.active and u.room_no like '$1'
	group by s.owner_id order by s.owner_id desc limit 21"; }

failed=0
check() { # label sql
	local plan ms
	plan="$(psql -X -At -c "explain (analyze, costs off) $2")"
	[[ "${VERBOSE:-0}" == 1 ]] && printf '%s\n' "$plan" >&2
	ms="$(printf '%s\n' "$plan" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p')"
	if grep -q unit_room_trgm_idx <<<"$plan"; then
		printf '%-44s %8s ms  uses unit_room_trgm_idx\n' "$1" "$ms"
	else
		printf '%-44s %8s ms  DOES NOT use unit_room_trgm_idx\n' "$1" "$ms"
		failed=1
	fi
}
for room in '%1-0301%' '%3-1502%'; do
	check "units page, room like '$room'" "$(units_page "$room")"
	check "units count, room like '$room'" "$(units_count "$room")"
	check "owners page, room like '$room'" "$(owners_page "$room")"
done
# 0301 and 301 match one unit in 25 and one in 8 on every floor: the planner may rightly prefer the order index for
# a page of 20, so these are shown, not checked
for room in '%0301%' '%301%'; do
	plan="$(psql -X -At -c "explain (analyze, costs off) $(units_page "$room")")"
	printf '%-44s %8s ms  (%s)\n' "units page, room like '$room'" \
		"$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' <<<"$plan")" \
		"$(grep -o 'unit_[a-z_]*idx' <<<"$plan" | sort -u | paste -sd, -)"
done
exit "$failed"
