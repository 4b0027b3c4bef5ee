#!/usr/bin/env bash
# Target (f): an API request authenticated with HTTP Basic costs what one with a bearer token costs — the password is
# checked with BCrypt once per credential and remembered for a few minutes (staff/VerifiedPasswords), not per request.
#
# Starts the app on a fresh embedded database (bench/out/db-basic, wiped each run), creates a bearer token, then
# sends GET /api/v1/owners?size=50 with wrk (2 threads, CONNECTIONS connections, WARMUP then DURATION measured) once
# with the token and once with HTTP Basic for the administrator, and prints both medians and 95th percentiles with the
# load. It fails when Basic's median is more than MAX_RATIO (2) times the token's plus 2 ms.
#
#   bench/basic-auth.sh
#   SKIP_BUILD=1 DURATION=30s bench/basic-auth.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-2}"
WARMUP="${WARMUP:-5s}"
DURATION="${DURATION:-15s}"
MAX_RATIO="${MAX_RATIO:-2}"
PATHS_FILE="$OUT/basic-auth-paths.txt"

command -v wrk >/dev/null || die "wrk is required (apt-get install -y wrk)"

if [[ -z "${BASE_URL:-}" ]]; then
	build_app
	rm -rf "$OUT/db-basic"
	start_app "$OUT/db-basic" "$OUT/basic-auth-app.log"
fi
create_token
echo "/api/v1/owners?size=50" >"$PATHS_FILE"
BASIC="Basic $(printf '%s:%s' "$ADMIN_USER" "$ADMIN_PASSWORD" | base64 -w0)"

# run <label> <Authorization header>: prints "p50 p95" of the measured run
run() {
	BENCH_AUTH="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$REPO_ROOT/bench/owners-api.lua" "$BASE_URL" -- "$PATHS_FILE" >/dev/null
	local out
	out="$(BENCH_AUTH="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$REPO_ROOT/bench/owners-api.lua" "$BASE_URL" -- "$PATHS_FILE")"
	grep -q '^ERRORS=0$' <<<"$out" || die "$1: requests failed: $out"
	log "$1: $(grep '^latency_ms' <<<"$out") $(grep '^requests' <<<"$out")"
	awk '/^latency_ms/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["p50"], v["p95"] }' <<<"$out"
}

read -r token_p50 token_p95 < <(run "bearer token" "Bearer $TOKEN")
read -r basic_p50 basic_p95 < <(run "HTTP Basic" "$BASIC")
note="$(machine_note)"
echo "bearer token: p50 ${token_p50} ms, p95 ${token_p95} ms; HTTP Basic: p50 ${basic_p50} ms, p95 ${basic_p95} ms; $note"
printf '%s\tbasic-auth\ttoken_p50=%s\ttoken_p95=%s\tbasic_p50=%s\tbasic_p95=%s\t%s\n' "$(date -Iseconds)" \
	"$token_p50" "$token_p95" "$basic_p50" "$basic_p95" "$note" >>"$OUT/results.tsv"
awk -v b="$basic_p50" -v t="$token_p50" -v r="$MAX_RATIO" 'BEGIN { exit !(b <= t * r + 2) }' \
	|| die "HTTP Basic's median ${basic_p50} ms is above ${MAX_RATIO} × the token's ${token_p50} ms + 2 ms"
log "met: HTTP Basic costs what a token costs"
