#!/usr/bin/env bash
# kill -9 of the application started by `mvn spring-boot:run` while clients create complaints through the API, then
# `mvn spring-boot:run` again on the same data directory: how long until healthy, and whether every complaint answered
# 201 is there exactly once. RUNS=3 by default; figures go to bench/out/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18431}
OUT=bench/out/kill-restart
rm -rf "$OUT"; mkdir -p "$OUT"
export ESTATEDESK_DATA_DIR="$PWD/$OUT/pg" SERVER_PORT=$PORT ESTATEDESK_ADMIN_PASSWORD='Kill-Restart-1' ESTATEDESK_DEMO=false
AUTH="admin:$ESTATEDESK_ADMIN_PASSWORD"
BASE="http://localhost:$PORT"

start() { (mvn -q -o spring-boot:run >> "$OUT/app.log" 2>&1 &) ; }
healthy() { curl -s -m 3 "$BASE/actuator/health" | grep -q '"status":"UP"}$'; }
wait_healthy() { local t0=$(date +%s%N); for _ in $(seq 1 600); do healthy && { echo $(( ($(date +%s%N) - t0) / 1000000 )); return 0; }; sleep 0.2; done; return 1; }
app_pid() { pgrep -f 'io.estatedesk.EstateDeskApplication' | head -1; }

start; wait_healthy >/dev/null
project=$(curl -s -u "$AUTH" -H 'Content-Type: application/json' -d '{"name":"重启测试项目","developerName":"金第房地产开发公司"}' "$BASE/api/v1/projects" | jq .id)
category=$(curl -s -u "$AUTH" "$BASE/api/v1/complaints/categories" | jq '.[0].id')
: > "$OUT/acked.txt"
client() { local n=0; while :; do n=$((n+1)); r=$(curl -s -m 10 -o - -w '\n%{http_code}' -u "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"projectId\":$project,\"complainant\":\"业主$1-$n\",\"complainedAt\":\"2026-11-30T10:00:00\",\"channel\":\"PHONE\",\"categoryId\":$category,\"severity\":\"GENERAL\",\"content\":\"楼道灯不亮 $1-$n\"}" \
  "$BASE/api/v1/complaints" 2>/dev/null) || return 0; [ "$(tail -1 <<<"$r")" = 201 ] && head -1 <<<"$r" | jq -r '"\(.id) \(.code)"' >> "$OUT/acked.txt"; done; }
for run in $(seq 1 "$RUNS"); do
  for c in 1 2 3 4; do client "$run.$c" & done
  sleep 5
  kill -9 "$(app_pid)"; wait 2>/dev/null || true
  acked=$(wc -l < "$OUT/acked.txt")
  start; ms=$(wait_healthy)
  pgport=$(sed -n 4p "$OUT/pg/postmaster.pid")
  rows=$(psql -h localhost -p "$pgport" -U postgres -Atc "select count(*) from complaint" estatedesk)
  missing=$(psql -h localhost -p "$pgport" -U postgres -At estatedesk -c "create temp table a (id bigint, code text)" -c "\\copy a from '$OUT/acked.txt' with (delimiter ' ')" -c "select count(*) from a where not exists (select 1 from complaint c where c.id = a.id and c.code = a.code)" | tail -1)
  dup=$(psql -h localhost -p "$pgport" -U postgres -Atc "select count(*) - count(distinct code) from complaint" estatedesk)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "run $run: healthy again in ${ms} ms; acknowledged $acked, rows $rows, acknowledged but missing $missing, duplicate numbers $dup (load $load)"
  printf 'kill-restart\t%s\trun=%s\thealthy_ms=%s\tacked=%s\trows=%s\tmissing=%s\tdup=%s\tload=%s\n' "$(date -u +%FT%TZ)" "$run" "$ms" "$acked" "$rows" "$missing" "$dup" "$load" >> bench/out/results.tsv
done
kill "$(app_pid)"
