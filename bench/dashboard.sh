#!/usr/bin/env bash
# Targets: with 1,000,000 complaints and 300,000 work orders in the database, each page below renders within its limit
# at the 95th percentile: the dashboards (manager 6 and 36 months, one project, leadership) and 投诉统计 over the
# default 12 months and over the whole history within DASHBOARD_LIMIT_MS (300) ms; an owner's and a unit's page and
# the complaint list of an owner or a unit within PAGE_LIMIT_MS (100) ms.
#
# Uses the database of bench/complaints.sh (bench/out/db-complaints, run that first: it loads the 1,000,000
# complaints). This script adds, once, TARGET_WORK_ORDERS (300,000) work orders and TARGET_RETURN_CALLS (200,000)
# return calls spread over three years (most finished, the open ones recent) and gives the answered complaints a 原因类别,
# all with SQL in the database. Then, signed in as the administrator in a browser-like session, it times:
#   - the first request of each page after start-up (cold: nothing cached by PostgreSQL for these queries yet),
#   - N (20) requests in a row of each page; p50, p95 and max per page, each judged against its limit.
#
#   bench/dashboard.sh
#   SKIP_BUILD=1 N=50 bench/dashboard.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TARGET_COMPLAINTS="${TARGET_COMPLAINTS:-1000000}"
TARGET_WORK_ORDERS="${TARGET_WORK_ORDERS:-300000}"
TARGET_RETURN_CALLS="${TARGET_RETURN_CALLS:-200000}"
DASHBOARD_LIMIT_MS="${DASHBOARD_LIMIT_MS:-300}"
PAGE_LIMIT_MS="${PAGE_LIMIT_MS:-100}"
N="${N:-20}"
DB_DIR="${DB_DIR:-$OUT/db-complaints}"

command -v psql >/dev/null || die "psql is required (the data is added with SQL)"
[[ -d "$DB_DIR" ]] || die "no database under ${DB_DIR#"$REPO_ROOT"/}: run bench/complaints.sh first (it loads the complaints)"

build_app
start_app "$DB_DIR" "$OUT/dashboard-app.log"
PGPORT="$(pg_port)"
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=estatedesk
sql() { psql -X -At -v ON_ERROR_STOP=1 -c "$1"; }

complaints="$(sql "select count(*) from complaint")"
((complaints >= TARGET_COMPLAINTS)) || die "only $complaints complaints: run bench/complaints.sh first"

# ---- data (once)

projects="$(sql "select coalesce(array_agg(id order by id)::text, '{}') from project where name like '投诉基准-%'")"
[[ "$projects" != "{}" ]] || die "the projects 投诉基准-* are missing: run bench/complaints.sh first"
work_orders="$(sql "select count(*) from work_order")"
if ((work_orders < TARGET_WORK_ORDERS)); then
	log "adding $((TARGET_WORK_ORDERS - work_orders)) work orders (SQL)"
	sql "
	insert into work_order (code, project_id, public_area, source, trade_id, description, urgency, state, reported_at, due_at,
	                        dispatched_at, finished_at, accepted_at, cancelled_at, warranty_status, charge, owner_rating)
	select 'WX-BENCH-' || lpad(g::text, 7, '0'), p.ids[1 + g % array_length(p.ids, 1)], '公共区域', 'DIRECT',
	       t.ids[1 + g % array_length(t.ids, 1)], '基准工单', case when g % 25 = 0 then 'EMERGENCY' else 'NORMAL' end,
	       s.state, s.reported, s.reported + interval '3 days',
	       case when s.state <> 'PENDING_DISPATCH' then s.reported + interval '2 hours' end,
	       case when s.state in ('PENDING_ACCEPTANCE', 'COMPLETED') then s.reported + (random() * 5) * interval '1 day' end,
	       case when s.state = 'COMPLETED' then s.reported + interval '6 days' end,
	       case when s.state = 'CANCELLED' then s.reported + interval '1 day' end,
	       'NOT_JUDGED', 'WARRANTY',
	       case when s.state = 'COMPLETED' and g % 10 < 7 then 1 + (g * 7 % 97) % 5 end
	from generate_series($((work_orders + 1)), $TARGET_WORK_ORDERS) g
	cross join (select '$projects'::bigint[] ids) p
	cross join (select array_agg(id order by id) ids from repair_trade) t
	cross join lateral (
	  select case when r < 0.88 then 'COMPLETED' when r < 0.90 then 'CANCELLED'
	              else (array['PENDING_DISPATCH', 'DISPATCHED', 'IN_PROGRESS', 'REWORK', 'PENDING_ACCEPTANCE', 'PAUSED'])[1 + (g % 6)] end state,
	         case when r < 0.90 then now() - (random() * 1060) * interval '1 day'
	              else now() - (random() * 60) * interval '1 day' end reported
	  from (select random() + g * 0 r) x) s" >/dev/null
fi
return_calls="$(sql "select count(*) from return_call")"
if ((return_calls < TARGET_RETURN_CALLS)); then
	log "adding $((TARGET_RETURN_CALLS - return_calls)) return calls (SQL)"
	sql "
	insert into return_call (kind, case_id, case_code, project_id, due_at, state, attempts, satisfied, done_at, done_by)
	select 'COMPLAINT', g, 'TS-BENCH-' || g, p.ids[1 + g % array_length(p.ids, 1)], s.due, s.state, 1,
	       case when s.state = 'DONE' then random() < 0.86 end,
	       case when s.state <> 'OPEN' then s.due - (random() * 1.3) * interval '1 day' end,
	       case when s.state <> 'OPEN' then 'bench' end
	from generate_series($((return_calls + 1)), $TARGET_RETURN_CALLS) g
	cross join (select '$projects'::bigint[] ids) p
	cross join lateral (
	  select case when r < 0.92 then 'DONE' when r < 0.97 then 'UNREACHABLE' else 'OPEN' end state,
	         case when r < 0.97 then now() - (random() * 1060) * interval '1 day' else now() + (random() * 3) * interval '1 day' end due
	  from (select random() + g * 0 r) x) s" >/dev/null
fi
if [[ "$(sql "select count(*) from complaint where cause_type is not null")" == 0 ]]; then
	log "giving the answered complaints a 原因类别 (SQL, once; past the figures' trigger, then the figures recomputed)"
	sql "set session_replication_role = replica;
	     update complaint set cause_type = (array['CONSTRUCTION', 'CONSTRUCTION', 'CONSTRUCTION', 'MATERIAL', 'DESIGN',
	       'PROPERTY_SERVICE', 'FACILITIES', 'SALES_PROMISE', 'MISUNDERSTANDING', 'OTHER'])[1 + id % 10]
	     where replied_at is not null;
	     select complaint_figures_rebuild();" >/dev/null
	sql "vacuum analyze complaint" >/dev/null
fi
# as autovacuum would after a load: statistics and the visibility map (index-only scans need it)
sql "vacuum analyze work_order" >/dev/null
sql "vacuum analyze return_call" >/dev/null
log "$(sql "select count(*) from complaint") complaints, $(sql "select count(*) from work_order") work orders, $(sql "select count(*) from return_call") return calls"

# ---- a signed-in session, as a browser has

jar="$(mktemp)"
trap 'rm -f "$jar"; stop_app' EXIT
browser_login "$jar"
one_project="$(sql "select id from project where name = '投诉基准-01'")"
this_month="$(date +%Y-%m)"
from_36="$(date -d "$(date +%Y-%m-01) -35 months" +%Y-%m)"

# an owner with exactly one complaint, and that complaint's unit: the generated complaints name no owner, so (once)
# a building, a unit and its owner are registered through the API and one old complaint is given to them
owner_one="$(sql "select owner_id from complaint where owner_id is not null group by owner_id having count(*) = 1 limit 1")"
if [[ -z "$owner_one" ]]; then
	create_token
	log "registering one unit and its owner (API) and giving them an old complaint (SQL, once)"
	building="$(sql "select id from building where project_id = $one_project and name = '基准楼'")"
	[[ -n "$building" ]] || building="$(api POST "/api/v1/buildings?projectId=$one_project" -H 'Content-Type: application/json' \
		-d '{"name":"基准楼","floors":18}' | jq -er .id)"
	unit="$(sql "select id from unit where building_id = $building and room_no = '1-1801'")"
	[[ -n "$unit" ]] || unit="$(api POST /api/v1/units -H 'Content-Type: application/json' \
		-d "{\"buildingId\":$building,\"roomNo\":\"1-1801\",\"status\":\"OCCUPIED\",\"area\":98.5,\"unitType\":\"三室两厅\"}" | jq -er .id)"
	owner="$(sql "select o.id from owner o join ownership s on s.owner_id = o.id where s.unit_id = $unit and o.name = '基准业主' limit 1")"
	[[ -n "$owner" ]] || owner="$(api POST /api/v1/owners -H 'Content-Type: application/json' \
		-d "{\"name\":\"基准业主\",\"mobile\":\"13911112222\",\"unitId\":$unit}" | jq -er .owner.id)"
	sql "update complaint set owner_id = $owner, unit_id = $unit
	     where id = (select min(id) from complaint where project_id = $one_project)" >/dev/null
	owner_one="$owner"
fi
unit_one="$(sql "select unit_id from complaint where owner_id = $owner_one")"
today="$(date +%Y-%m-%d)"

time_page() { # path marker → milliseconds; fails unless the page answers 200 and holds the marker (e.g. id="stats-data")
	local out code ms
	out="$(curl -sS -o "$OUT/dashboard-page.html" -b "$jar" -w '%{http_code} %{time_total}' "$BASE_URL$1")"
	code="${out%% *}"
	ms="$(calc "${out##* } * 1000")"
	[[ "$code" == 200 ]] && grep -q "$2" "$OUT/dashboard-page.html" || die "GET $1 → $code (no $2 on it)"
	echo "$ms"
}

pages=("/dashboard" "/dashboard?projectId=$one_project" "/dashboard?from=$from_36&to=$this_month" "/dashboard/leader"
	"/complaints/statistics" "/complaints/statistics?from=2000-01-01&to=$today"
	"/owners/$owner_one" "/units/$unit_one" "/complaints?ownerId=$owner_one" "/complaints?unitId=$unit_one")
names=("manager, all projects, 6 months" "manager, one project, 6 months" "manager, all projects, 36 months"
	"leadership, 12 months" "投诉统计, 12 months" "投诉统计, whole history" "owner page (1 complaint)"
	"unit page" "complaints of an owner" "complaints of a unit")
markers=('id="stats-data"' 'id="stats-data"' 'id="stats-data"' 'id="stats-data"' 'id="stat-total"' 'id="stat-total"'
	'id="owner-name"' 'id="link-contract"' 'id="complaint-filters"' 'id="complaint-filters"')
limits=("$DASHBOARD_LIMIT_MS" "$DASHBOARD_LIMIT_MS" "$DASHBOARD_LIMIT_MS" "$DASHBOARD_LIMIT_MS" "$DASHBOARD_LIMIT_MS"
	"$DASHBOARD_LIMIT_MS" "$PAGE_LIMIT_MS" "$PAGE_LIMIT_MS" "$PAGE_LIMIT_MS" "$PAGE_LIMIT_MS")
echo "$(machine_note)"
for i in "${!pages[@]}"; do
	echo "cold   ${names[$i]}: $(time_page "${pages[$i]}" "${markers[$i]}") ms"
done
missed=0
for i in "${!pages[@]}"; do
	times=()
	for ((k = 0; k < N; k++)); do
		times+=("$(time_page "${pages[$i]}" "${markers[$i]}")")
	done
	read -r p50 p95 max < <(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
		i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%s %s %s\n", v[i50], v[i95], v[NR] }')
	verdict="met"
	if ! awk -v w="$p95" -v l="${limits[$i]}" 'BEGIN { exit !(w <= l) }'; then
		verdict="MISSED"
		missed=$((missed + 1))
	fi
	echo "warm   ${names[$i]}: p50 $p50 ms, p95 $p95 ms, max $max ms (n=$N; limit ${limits[$i]} ms: $verdict)"
	record_result "dashboard" "page=${names[$i]}" "p50_ms=$p50" "p95_ms=$p95" "max_ms=$max" "limit_ms=${limits[$i]}"
done
echo "$(machine_note)"
if ((missed == 0)); then
	echo "PASS: every page within its limit"
else
	echo "FAIL: $missed page(s) above their limit"
	exit 1
fi
