#!/usr/bin/env bash
# Diagnosis for targets (c) and (d): runs the SQL behind GET /api/v1/complaints (as ComplaintQueries.list and
# ComplaintSearch.condition build it) with EXPLAIN ANALYZE against the database loaded by complaints.sh and prints
# the median execution time of each request that used to be slow. The database is only read.
#
# The statements are prepared and executed like the app's JDBC driver does it (parameters typed int8 / varchar /
# date / int4), once with plan_cache_mode = force_custom_plan (what the first executions on a connection get) and
# once with force_generic_plan (what PostgreSQL may switch to after five executions of the same statement on a
# connection, since pgJDBC prepares a statement on the server from its fifth use).
#
# The SQL is a copy of ComplaintQueries.ROW_SELECT / list() / where() / order() and ComplaintSearch.condition() as of
# the commit that added this line; if that code changes, update the copy below.
#
#   bench/complaints-explain.sh                # starts the app on bench/out/db-complaints just for its database
#   PGPORT=43415 bench/complaints-explain.sh   # or uses a running one
#   VERBOSE=1 bench/complaints-explain.sh      # also prints the plans
#   ONLY=search bench/complaints-explain.sh    # only the search part (list | search)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || die "psql is required"

RUNS="${RUNS:-5}"
if [[ -z "${PGPORT:-}" ]]; then
	[[ -d "$OUT/db-complaints" ]] || die "no bench/out/db-complaints: run bench/complaints.sh first"
	[[ -f "$APP_JAR" ]] && export SKIP_BUILD=1
	build_app
	start_app "$OUT/db-complaints" "$OUT/complaints-explain-app.log"
	PGPORT="$(pg_port)"
fi
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=estatedesk
sql1() { psql -X -At -c "$1"; }

p() { sql1 "select id from project where name = '$(printf '投诉基准-%02d' "$1")'"; }
h() { sql1 "select id from staff_account where username = '$(printf 'bench-kf%02d-%d' "$1" "$2")'"; }
P1="$(p 1)" P2="$(p 2)" P11="$(p 11)"
H1="$(h 1 1)" H2="$(h 2 1)" H12="$(h 12 1)"
[[ -n "$P1" && -n "$P11" && -n "$H1" ]] || die "projects / staff of complaints.sh not found: run bench/complaints.sh first"

OVERDUE="(c.closed_at is null and c.waiting_since is null and (case when c.replied_at is null then least(c.reply_due, c.close_due) else c.close_due end) < now())"
ROW_SELECT="select c.id, c.code, c.complaint_date, c.complainant, c.severity, c.channel, c.state, c.reply_due, c.close_due,
       c.appointment_at, c.waiting_since, c.group_case, p.name project_name, cat.name category,
       h.display_name handler, b.name building_name, u.room_no, $OVERDUE overdue
from complaint c
join project p on p.id = c.project_id
join complaint_category cat on cat.id = c.category_id
join staff_account h on h.id = c.handler_id
left join unit u on u.id = c.unit_id
left join building b on b.id = u.building_id"
# ComplaintQueries.order: by id, or by complaint date when a date range is given
BY_ID="order by c.id desc"
BY_DATE="order by c.complaint_date desc, c.id desc"

# timed <label> <types> <where (with $1…; limit and offset are the last two parameters)> <args>
#   median execution time of RUNS EXPLAIN ANALYZE runs, custom and generic plan
timed() {
	local label="$1" types="$2" where="$3" args="$4" mode out t
	local stmt="$ROW_SELECT${where:+ where $where} ${ORDER:-$BY_ID} limit \$$(($(tr -cd , <<<"$types" | wc -c) + 0)) offset \$$(($(tr -cd , <<<"$types" | wc -c) + 1))"
	printf '%-58s' "$label"
	for mode in force_custom_plan force_generic_plan; do
		out="$(psql -X -q -At <<SQL
set plan_cache_mode = $mode;
prepare q($types) as $stmt;
$(for ((i = 0; i < RUNS; i++)); do echo "explain (analyze, timing off, summary on) execute q($args);"; done)
SQL
		)"
		t="$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' <<<"$out" | sort -n | awk '{ t[NR] = $1 } END { printf "%9.1f", t[int((NR + 1) / 2)] }')"
		printf ' %s ms %s' "$t" "${mode#force_}"
		if [[ "${VERBOSE:-0}" == 1 ]]; then
			psql -X -q <<SQL >&2
set plan_cache_mode = $mode;
prepare q($types) as $stmt;
explain (analyze, buffers, costs on) execute q($args);
SQL
		fi
	done
	echo
}

echo "== SQL of GET /api/v1/complaints, median of $RUNS EXPLAIN ANALYZE runs — $(date -Iseconds)"
machine_note
sql1 "select 'complaints ' || (select count(*) from complaint) || ', search entries ' || (select count(*) from complaint_search)
  || ', open ' || (select count(*) from complaint where closed_at is null) || ', overdue ' || (select count(*) from complaint c where $OVERDUE)"

if [[ -z "${ONLY:-}" || "${ONLY:-}" == list ]]; then
	echo
	echo "-- filtered list, as the app runs it (limit 51 = page size 50 + 1)"
	timed "no filter" "int4,int8" "" "51,0"
	timed "overdue=true" "int4,int8" "$OVERDUE" "51,0"
	timed "handlerId=$H1" "int8,int4,int8" "c.handler_id = \$1" "$H1,51,0"
	timed "handlerId=$H2&overdue=true" "int8,int4,int8" "c.handler_id = \$1 and $OVERDUE" "$H2,51,0"
	timed "channel=MEDIA&severity=MAJOR" "varchar,varchar,int4,int8" "c.severity = \$1 and c.channel = \$2" "'MAJOR','MEDIA',51,0"
	ORDER="$BY_DATE"
	timed "from=2026-01-01&to=2026-03-31" "date,date,int4,int8" "c.complaint_date >= \$1 and c.complaint_date <= \$2" "'2026-01-01','2026-03-31',51,0"
	timed "from=2025-07-01&to=2025-07-31&categoryId=1" "int8,date,date,int4,int8" "c.category_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "1,'2025-07-01','2025-07-31',51,0"
	timed "projectId=$P2&from=2024-03-01&to=2024-03-31" "int8,date,date,int4,int8" "c.project_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "$P2,'2024-03-01','2024-03-31',51,0"
	timed "projectId=$P2&from=2024-03-01&to=2024-03-31 page 20" "int8,date,date,int4,int8" "c.project_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "$P2,'2024-03-01','2024-03-31',51,1000"
	ORDER="$BY_ID"
	timed "handlerId=$H12 (small project)" "int8,int4,int8" "c.handler_id = \$1" "$H12,51,0"
	timed "projectId=$P1 (for comparison: fast)" "int8,int4,int8" "c.project_id = \$1" "$P1,51,0"
fi

if [[ -z "${ONLY:-}" || "${ONLY:-}" == search ]]; then
	# search <label> <rarest pair> <words confirmed by strpos, space-separated, or ""> [<extra condition on c with
	# $1> <its type> <its value> [<order>]] — ComplaintSearch.condition: the rarest pair of all words in the GIN
	# condition, every other word confirmed with strpos
	search() {
		local label="$1" gram="$2" words="$3" extra="${4:-}" xtype="${5:-}" xval="${6:-}" k=1 cond types args w
		local pre="" ptypes="" pargs=""
		if [[ -n "$extra" ]]; then
			pre="$extra and " ptypes="$xtype," pargs="$xval,"
			k=2
		fi
		cond="s.grams @> cast(\$$k as text[])" types="${ptypes}varchar" args="$pargs'{\"$gram\"}'"
		for w in $words; do
			k=$((k + 1))
			cond="$cond and strpos(s.doc, \$$k) > 0" types="$types,varchar" args="$args,'$w'"
		done
		timed "$label" "$types,int4,int8" "${pre}c.id in (select s.complaint_id from complaint_search s where $cond)" "$args,${OFFSET_ARGS:-51,0}"
	}
	echo
	echo "-- full-text search, as the app runs it"
	search "q=漏水" "漏水" ""
	search "q=物业费" "业费" "物业费"
	search "q=墙面开裂" "面开" "墙面开裂"
	search "q=地下室渗水" "下室" "地下室渗水"
	search "q=外墙脱落" "墙脱" "外墙脱落"
	search "q=卫生间" "卫生" "卫生间"
	search "q=漏水 卫生间" "卫生" "漏水 卫生间"
	search "q=电梯 噪音" "噪音" "电梯"
	search "q=王伟" "王伟" ""
	search "q=TS-2025-000123" "000123" "ts-2025-000123"
	search "q=漏水&projectId=$P11" "漏水" "" "c.project_id = \$1" int8 "$P11"
	ORDER="$BY_DATE" search "q=物业费&from=2026-01-01" "业费" "物业费" "c.complaint_date >= \$1" date "'2026-01-01'"
	OFFSET_ARGS="51,1000" search "q=漏水&page=20" "漏水" ""
	OFFSET_ARGS="51,1000" search "q=墙面开裂&page=20" "面开" "墙面开裂"
	echo
	echo "-- planner estimates of the search condition (rows estimated vs found)"
	for w in "漏水|漏水" "墙面开裂|面开" "卫生间|卫生" "外墙脱落|墙脱"; do
		word="${w%%|*}" gram="${w#*|}"
		est="$(psql -X -At -c "explain select 1 from complaint_search s where s.grams @> '{$gram}' and strpos(s.doc, '$word') > 0" | head -1 | sed -n 's/.*rows=\([0-9]*\).*/\1/p')"
		act="$(sql1 "select count(*) from complaint_search s where s.grams @> '{$gram}' and strpos(s.doc, '$word') > 0")"
		printf '  %-10s pair %-6s estimated %7s rows, found %7s\n' "$word" "$gram" "$est" "$act"
	done
fi
