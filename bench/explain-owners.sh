#!/usr/bin/env bash
# Diagnosis for target (b): runs the SQL behind GET /api/v1/owners (count + page, as ArchiveQueries builds it) with
# EXPLAIN ANALYZE against the database loaded by owners-api.sh and prints the median execution time of each, next
# to rewrites that avoid the slow parts. The SQL is a copy of ArchiveQueries.owners() as of commit 4c8e9ae; if
# that code changes, update the copy below.
#
#   bench/explain-owners.sh                 # starts the app on bench/out/db-owners just for its embedded database
#   PGPORT=40000 bench/explain-owners.sh    # or uses a running one (port from "Embedded PostgreSQL running on port N")
#   VERBOSE=1 bench/explain-owners.sh       # also prints the plans
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || die "psql is required"

RUNS="${RUNS:-5}"
if [[ -z "${PGPORT:-}" ]]; then
	[[ -d "$OUT/db-owners" ]] || die "no bench/out/db-owners: run bench/owners-api.sh first"
	if [[ -f "$APP_JAR" ]]; then
		export SKIP_BUILD=1
	fi
	build_app
	start_app "$OUT/db-owners" "$OUT/explain-app.log"
	PGPORT="$(pg_port)"
fi
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=estatedesk

sql1() { psql -X -At -c "$1"; }
p1="$(sql1 "select id from project where name = '基准花园-1'")"
p2="$(sql1 "select id from project where name = '基准花园-2'")"
p4="$(sql1 "select id from project where name = '基准花园-4'")"
[[ -n "$p1" && -n "$p2" && -n "$p4" ]] || die "projects 基准花园-1…4 not found: run bench/owners-api.sh first"

SELECT="select o.id, o.name, o.gender, o.mobile, o.other_phone, o.id_type, o.id_number, o.tags, o.notes,
       (select string_agg(p.name || ' ' || b.name || ' ' || u.room_no, '；' order by s.id) from ownership s join unit u on u.id = s.unit_id
        join building b on b.id = u.building_id join project p on p.id = u.project_id
        where s.owner_id = o.id and s.active) units,
       (select min(s.contract_date) from ownership s where s.owner_id = o.id and s.active) contract_date,
       (select min(u.handover_date) from ownership s join unit u on u.id = s.unit_id where s.owner_id = o.id and s.active) handover_date"
unit_exists() { echo "exists (select 1 from ownership s join unit u on u.id = s.unit_id where s.owner_id = o.id and s.active and $1)"; }
W_P1="where $(unit_exists "u.project_id = $p1")"
W_P2_OCC="where $(unit_exists "u.project_id = $p2 and u.status = 'OCCUPIED'")"
W_P4="where $(unit_exists "u.project_id = $p4")"
W_OCC="where $(unit_exists "u.status = 'OCCUPIED'")"
W_ROOM="where $(unit_exists "u.room_no like '3-15%'")"
W_WANG="where o.name like '王%'"
W_PHONE="where (o.mobile like '%1386%' or o.other_phone like '%1386%')"
deep=75000

# median execution time (ms) of RUNS runs of EXPLAIN ANALYZE
timed() {
	local sql="$1"
	[[ "${VERBOSE:-0}" == 1 ]] && psql -X -q -c "explain (analyze, buffers, costs off) $sql" >&2
	for ((i = 0; i < RUNS; i++)); do
		psql -X -At -c "explain (analyze, timing off, costs off, summary on) $sql" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p'
	done | sort -n | awk '{ t[NR] = $1 } END { printf "%9.1f", t[int((NR + 1) / 2)] }'
}
row() { printf '%-60s %s ms\n' "$1" "$(timed "$2")"; }

echo "== SQL of GET /api/v1/owners, median of $RUNS EXPLAIN ANALYZE runs — $(date -Iseconds)"
machine_note
sql1 "select 'owners ' || (select count(*) from owner) || ', units ' || (select count(*) from unit) || ', ownerships ' || (select count(*) from ownership)"
echo
echo "-- as the app runs them (count query + page query per request)"
row "count, no filter" "select count(*) from owner o"
row "page 0, no filter" "$SELECT from owner o order by o.id desc limit 50"
row "page 1500 (offset $deep), no filter" "$SELECT from owner o order by o.id desc limit 50 offset $deep"
row "count, name=王" "select count(*) from owner o $W_WANG"
row "count, phone=1386" "select count(*) from owner o $W_PHONE"
row "count, status=OCCUPIED" "select count(*) from owner o $W_OCC"
row "page 0, status=OCCUPIED" "$SELECT from owner o $W_OCC order by o.id desc limit 50"
row "count, projectId=$p1 (oldest project)" "select count(*) from owner o $W_P1"
row "page 0, projectId=$p1 (oldest project)" "$SELECT from owner o $W_P1 order by o.id desc limit 50"
row "count, projectId=$p2 & status=OCCUPIED" "select count(*) from owner o $W_P2_OCC"
row "page 0, projectId=$p2 & status=OCCUPIED" "$SELECT from owner o $W_P2_OCC order by o.id desc limit 50"
row "page 300 (offset 15000), projectId=$p4" "$SELECT from owner o $W_P4 order by o.id desc limit 50 offset 15000"
row "count, room=3-15" "select count(*) from owner o $W_ROOM"
row "page 0, room=3-15" "$SELECT from owner o $W_ROOM order by o.id desc limit 50"
echo
echo "-- rewrites: pages return the same rows (checked below), counts are capped (the UI would show \"1000+\")"
DEEP_NOW="$SELECT from owner o order by o.id desc limit 50 offset $deep"
DEEP_NEW="$SELECT from (select * from owner o order by o.id desc limit 50 offset $deep) o order by o.id desc"
P4_NOW="$SELECT from owner o $W_P4 order by o.id desc limit 50 offset 15000"
P4_NEW="$SELECT from (select * from owner o $W_P4 order by o.id desc limit 50 offset 15000) o order by o.id desc"
P1_NOW="$SELECT from owner o $W_P1 order by o.id desc limit 50"
P1_NEW="with ids as materialized (select distinct s.owner_id from ownership s join unit u on u.id = s.unit_id
	  where s.active and u.project_id = $p1)
	$SELECT from owner o where o.id in (select owner_id from ids order by owner_id desc limit 50) order by o.id desc"
row "page 1500, ids paged first, columns for 50 rows only" "$DEEP_NEW"
row "page 300 projectId=$p4, ids paged first" "$P4_NEW"
row "page 0 projectId=$p1, owner ids from the unit side" "$P1_NEW"
row "count status=OCCUPIED capped at 1,001" "select count(*) from (select 1 from owner o $W_OCC limit 1001) x"
row "count projectId=$p1 capped at 1,001" "select count(*) from (select 1 from owner o $W_P1 limit 1001) x"
same() { [[ "$(psql -X -At -c "$1")" == "$(psql -X -At -c "$2")" ]] && echo "same rows: $3" || echo "DIFFERENT rows: $3"; }
same "$DEEP_NOW" "$DEEP_NEW" "page 1500"
same "$P4_NOW" "$P4_NEW" "page 300 projectId=$p4"
same "$P1_NOW" "$P1_NEW" "page 0 projectId=$p1"
