#!/usr/bin/env bash
# Target: an export of every complaint (1,000,000 rows, GET /complaints/export) runs in constant memory — the used
# heap after a full GC returns to within HEAP_LIMIT_MB (50) MB of what it was before the export.
#
# Uses the database of bench/complaints.sh (bench/out/db-complaints; run that first). Signs in like a browser, takes
# the used heap after a full GC (jcmd GC.run, GC.heap_info) and the process's resident memory, downloads the export
# (time to the first byte and in all, bytes), then measures again; prints both with the load.
#
#   bench/export-heap.sh
#   SKIP_BUILD=1 bench/export-heap.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

HEAP_LIMIT_MB="${HEAP_LIMIT_MB:-50}"
DB_DIR="${DB_DIR:-$OUT/db-complaints}"

command -v jcmd >/dev/null || die "jcmd is required (it comes with the JDK)"
[[ -d "$DB_DIR" ]] || die "no database under ${DB_DIR#"$REPO_ROOT"/}: run bench/complaints.sh first (it loads the complaints)"

build_app
start_app "$DB_DIR" "$OUT/export-heap-app.log"

jar="$(mktemp)"
trap 'rm -f "$jar"; stop_app' EXIT
browser_login "$jar"

# used heap in MB after a full collection
heap_used() {
	jcmd "$APP_PID" GC.run >/dev/null
	sleep 1
	jcmd "$APP_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit } }'
}
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$APP_PID/status"; }

# one small export first, so that classes and caches the export needs at all are loaded before "before"
curl -sS -o /dev/null -b "$jar" "$BASE_URL/complaints/export?from=$(date +%Y-%m-%d)"
before="$(heap_used)"
rss_before="$(rss)"
log "before: heap used ${before} MB after GC, RSS ${rss_before} MB; exporting every complaint"
out="$(curl -sS -o "$OUT/export-all.xlsx" -b "$jar" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$BASE_URL/complaints/export")"
read -r code first total bytes <<<"$out"
[[ "$code" == 200 ]] || die "GET /complaints/export → $code"
after="$(heap_used)"
rss_after="$(rss)"
note="$(machine_note)"
echo "export of every complaint: first byte ${first} s, all ${total} s, $((bytes / 1048576)) MB; heap used after GC ${before} → ${after} MB; RSS ${rss_before} → ${rss_after} MB; $note"
record_result "export-heap" "first_byte_s=$first" "total_s=$total" "bytes=$bytes" "heap_before_mb=$before" "heap_after_mb=$after" \
	"rss_before_mb=$rss_before" "rss_after_mb=$rss_after"
if ((after - before <= HEAP_LIMIT_MB)); then
	echo "PASS: the heap came back to within $HEAP_LIMIT_MB MB ($((after - before)) MB)"
else
	echo "FAIL: the heap stayed $((after - before)) MB above its level before the export"
	exit 1
fi
