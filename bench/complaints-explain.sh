#!/usr/bin/env bash
# Diagnosis for targets (c) and (d): runs the SQL behind GET /api/v1/complaints (as ComplaintQueries.list and
# ComplaintSearch.condition build it) with EXPLAIN ANALYZE against the database loaded by complaints.sh, and prints
# the median execution time of each slow request next to candidate fixes (an index or a rewrite), each tried in a
# transaction that is rolled back — the database is left as it was.
#
# The statements are prepared and executed like the app's JDBC driver does it (parameters typed int8 / varchar /
# date / int4), once with plan_cache_mode = force_custom_plan (what the first executions on a connection get) and
# once with force_generic_plan (what PostgreSQL may switch to after five executions of the same statement on a
# connection, since pgJDBC prepares a statement on the server from its fifth use).
#
# The SQL is a copy of ComplaintQueries.ROW_SELECT / list() / where() and ComplaintSearch.condition() as of commit
# c32b9ab; if that code changes, update the copy below.
#
#   bench/complaints-explain.sh                # starts the app on bench/out/db-complaints just for its database
#   PGPORT=43415 bench/complaints-explain.sh   # or uses a running one
#   VERBOSE=1 bench/complaints-explain.sh      # also prints the plans
#   ONLY=search bench/complaints-explain.sh    # only the search part (list | search | fixes)
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

OVERDUE="(c.closed_at is null and c.waiting_since is null and ((c.replied_at is null and c.reply_due < now()) or c.close_due < now()))"
ROW_SELECT="select c.id, c.code, c.complaint_date, c.complainant, c.severity, c.channel, c.state, c.reply_due, c.close_due,
       c.appointment_at, c.waiting_since, c.group_case, p.name project_name, cat.name category,
       h.display_name handler, b.name building_name, u.room_no, $OVERDUE overdue
from complaint c
join project p on p.id = c.project_id
join complaint_category cat on cat.id = c.category_id
join staff_account h on h.id = c.handler_id
left join unit u on u.id = c.unit_id
left join building b on b.id = u.building_id"
# ComplaintSearch.condition for one or more words (each word's pairs, and LIKE unless the word is a single pair)
SEARCH1="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$1 as text[]))"
SEARCH1L="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$1 as text[]) and s.doc like \$2)"
# the same with the parameters shifted by one ($2 grams, $3 pattern), after a date parameter $1
SEARCH1L_AFTER_DATE="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$2 as text[]) and s.doc like \$3)"

# timed <label> <types> <where (with $1…; limit and offset are the last two parameters)> <args>
#   median execution time of RUNS EXPLAIN ANALYZE runs, custom and generic plan
timed() {
	local label="$1" types="$2" where="$3" args="$4" mode out t
	local stmt="$ROW_SELECT${where:+ where $where} order by c.id desc limit \$$(($(tr -cd , <<<"$types" | wc -c) + 0)) offset \$$(($(tr -cd , <<<"$types" | wc -c) + 1))"
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

# with_index <label> <index DDL> <types> <where> <args>: the same, with a candidate index created in a transaction
# that is rolled back
with_change() {
	local label="$1" ddl="$2" types="$3" where="$4" args="$5" ids_first="${6:-}" out t n
	n=$(tr -cd , <<<"$types" | wc -c)
	local stmt
	if [[ -n "$ids_first" ]]; then
		# "ids first": the page's ids from complaint alone, then the shown columns for those rows only
		stmt="$ROW_SELECT where c.id in (select c.id from complaint c${where:+ where $where} order by c.id desc limit \$$n offset \$$((n + 1))) order by c.id desc"
	else
		stmt="$ROW_SELECT${where:+ where $where} order by c.id desc limit \$$n offset \$$((n + 1))"
	fi
	printf '%-58s' "$label"
	out="$(psql -X -q -At <<SQL
begin;
set local maintenance_work_mem = '256MB';
$ddl
set local plan_cache_mode = force_custom_plan;
prepare q($types) as $stmt;
$(for ((i = 0; i < RUNS; i++)); do echo "explain (analyze, timing off, summary on) execute q($args);"; done)
rollback;
SQL
	)"
	t="$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' <<<"$out" | sort -n | awk '{ t[NR] = $1 } END { printf "%9.1f", t[int((NR + 1) / 2)] }')"
	printf ' %s ms\n' "$t"
	if [[ "${VERBOSE:-0}" == 1 ]]; then
		psql -X -q <<SQL >&2
begin;
$ddl
set local plan_cache_mode = force_custom_plan;
prepare q($types) as $stmt;
explain (analyze, buffers, costs on) execute q($args);
rollback;
SQL
	fi
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
	timed "from=2026-01-01&to=2026-03-31" "date,date,int4,int8" "c.complaint_date >= \$1 and c.complaint_date <= \$2" "'2026-01-01','2026-03-31',51,0"
	timed "from=2025-07-01&to=2025-07-31&categoryId=1" "int8,date,date,int4,int8" "c.category_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "1,'2025-07-01','2025-07-31',51,0"
	timed "projectId=$P2&from=2024-03-01&to=2024-03-31" "int8,date,date,int4,int8" "c.project_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "$P2,'2024-03-01','2024-03-31',51,0"
	timed "handlerId=$H12 (small project)" "int8,int4,int8" "c.handler_id = \$1" "$H12,51,0"
	timed "projectId=$P1 (for comparison: fast)" "int8,int4,int8" "c.project_id = \$1" "$P1,51,0"
fi

if [[ -z "${ONLY:-}" || "${ONLY:-}" == search ]]; then
	# search <label> <grams array> <LIKE pattern or ""> [<extra condition on c with $1> <its type> <its value>]
	search() {
		local label="$1" grams="$2" like="$3" extra="${4:-}" xtype="${5:-}" xval="${6:-}" k=1 cond types args
		local pre="" ptypes="" pargs=""
		if [[ -n "$extra" ]]; then
			pre="$extra and " ptypes="$xtype," pargs="$xval,"
			k=2
		fi
		if [[ -n "$like" ]]; then
			cond="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$$k as text[]) and s.doc like \$$((k + 1)))"
			types="${ptypes}varchar,varchar" args="$pargs'$grams','$like'"
		else
			cond="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$$k as text[]))"
			types="${ptypes}varchar" args="$pargs'$grams'"
		fi
		timed "$label" "$types,int4,int8" "$pre$cond" "$args,51,0"
	}
	echo
	echo "-- full-text search, as the app runs it"
	search "q=漏水" '{"漏水"}' ""
	search "q=物业费" '{"物业","业费"}' "%物业费%"
	search "q=墙面开裂" '{"墙面","面开","开裂"}' "%墙面开裂%"
	search "q=地下室渗水" '{"地下","下室","室渗","渗水"}' "%地下室渗水%"
	search "q=外墙脱落" '{"外墙","墙脱","脱落"}' "%外墙脱落%"
	search "q=卫生间" '{"卫生","生间"}' "%卫生间%"
	search "q=漏水 卫生间" '{"漏水","卫生","生间"}' "%卫生间%"
	search "q=王伟" '{"王伟"}' ""
	search "q=TS-2025-000123" '{"ts","2025","000123"}' "%ts-2025-000123%"
	search "q=漏水&projectId=$P11" '{"漏水"}' "" "c.project_id = \$1" int8 "$P11"
	search "q=物业费&from=2026-01-01" '{"物业","业费"}' "%物业费%" "c.complaint_date >= \$1" date "'2026-01-01'"
	timed "q=漏水&page=20" "varchar,int4,int8" "$SEARCH1" "'{\"漏水\"}',51,1000"
	echo
	echo "-- planner estimates of the search condition (rows estimated vs found)"
	for w in "漏水|{漏水}" "墙面开裂|{墙面,面开,开裂}" "卫生间|{卫生,生间}" "外墙脱落|{外墙,墙脱,脱落}"; do
		word="${w%%|*}" grams="${w#*|}"
		est="$(psql -X -At -c "explain select 1 from complaint_search s where s.grams @> '$grams' and s.doc like '%$word%'" | head -1 | sed -n 's/.*rows=\([0-9]*\).*/\1/p')"
		est_g="$(psql -X -At -c "explain select 1 from complaint_search s where s.grams @> '$grams'" | head -1 | sed -n 's/.*rows=\([0-9]*\).*/\1/p')"
		act="$(sql1 "select count(*) from complaint_search s where s.grams @> '$grams' and s.doc like '%$word%'")"
		printf '  %-10s grams %-22s estimated %7s rows (grams alone %7s), found %7s\n' "$word" "$grams" "$est" "$est_g" "$act"
	done
fi

if [[ -z "${ONLY:-}" || "${ONLY:-}" == fixes ]]; then
	echo
	echo "-- candidate fixes (each in a transaction that is rolled back; custom plans)"
	# date ranges: the rows of a period are found in id order only by scanning all newer rows; ordered by the
	# complaint date (then id) they come straight from an index on (complaint_date, id)
	DATE_IDX="create index on complaint (complaint_date, id);"
	with_order() { # label types where args: the page ordered by complaint_date desc, id desc
		local n
		n=$(tr -cd , <<<"$2" | wc -c)
		printf '%-58s' "$1"
		psql -X -q -At <<SQL | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' | sort -n | awk '{ t[NR] = $1 } END { printf " %9.1f ms\n", t[int((NR + 1) / 2)] }'
begin;
$DATE_IDX
set local plan_cache_mode = force_custom_plan;
prepare q($2) as $ROW_SELECT where $3 order by c.complaint_date desc, c.id desc limit \$$n offset \$$((n + 1));
$(for ((i = 0; i < RUNS; i++)); do echo "explain (analyze, timing off, summary on) execute q($4);"; done)
rollback;
SQL
	}
	with_order "from/to, order by complaint_date desc, id desc + index" "date,date,int4,int8" \
		"c.complaint_date >= \$1 and c.complaint_date <= \$2" "'2026-01-01','2026-03-31',51,0"
	with_order "from/to&categoryId, same" "int8,date,date,int4,int8" \
		"c.category_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "1,'2025-07-01','2025-07-31',51,0"
	with_order "projectId&from/to, same" "int8,date,date,int4,int8" \
		"c.project_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "$P2,'2024-03-01','2024-03-31',51,0"
	with_order "projectId&from/to page 20, same" "int8,date,date,int4,int8" \
		"c.project_id = \$1 and c.complaint_date >= \$2 and c.complaint_date <= \$3" "$P2,'2024-03-01','2024-03-31',51,1000"
	# search: a word of several pairs is looked up by all its pairs plus LIKE; the planner multiplies the pairs'
	# frequencies as if independent (墙面 5 % × 面开 2 % × 开裂 5 % → 48 rows, found 18,742) and then the LIKE's,
	# and picks a bitmap scan over all matches. With only the word's rarest pair (by pg_stats.most_common_elem_freqs)
	# and strpos() instead of LIKE (estimated at a flat 1/3 instead of a pattern selectivity), the estimate is that
	# pair's frequency / 3 and common words are read in id order, rare ones through the index.
	STRPOS1="c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$1 as text[]) and strpos(s.doc, \$2) > 0)"
	with_change "q=墙面开裂, rarest pair {面开} + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"面开\"}','墙面开裂',51,0"
	with_change "q=卫生间, rarest pair {卫生} + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"卫生\"}','卫生间',51,0"
	with_change "q=地下室渗水, rarest pair {下室} + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"下室\"}','地下室渗水',51,0"
	with_change "q=外墙脱落, rarest pair {墙脱} + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"墙脱\"}','外墙脱落',51,0"
	with_change "q=漏水 卫生间, {漏水,卫生} + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"漏水\",\"卫生\"}','卫生间',51,0"
	with_change "q=物业费&from=2026-01-01, rarest pair {业费} + strpos" "" "date,varchar,varchar,int4,int8" \
		"c.complaint_date >= \$1 and c.id in (select s.complaint_id from complaint_search s where s.grams @> cast(\$2 as text[]) and strpos(s.doc, \$3) > 0)" \
		"'2026-01-01','{\"业费\"}','物业费',51,0"
	with_change "q=墙面开裂 page 20, rarest pair + strpos" "" "varchar,varchar,int4,int8" "$STRPOS1" "'{\"面开\"}','墙面开裂',51,1000"
fi
