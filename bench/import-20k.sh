#!/usr/bin/env bash
# Target (a): importing a generated xlsx of 20,000 owners (about 22,000 owner × unit rows) through the app
# finishes in under LIMIT_S (30) seconds, measured from the start of the upload until the job reports DONE.
#
# Without BASE_URL it builds the jar, starts the app on port 8091 with a fresh embedded PostgreSQL under
# bench/out/db-import (wiped first; KEEP_DB=1 keeps it) and stops it at the end.
# With BASE_URL=http://host:port (and ADMIN_PASSWORD) it uses that app and creates a new project there.
#
#   bench/import-20k.sh                      # build, start, import, stop
#   SKIP_BUILD=1 bench/import-20k.sh         # reuse the jar and generator built by an earlier run
#   OWNERS=50000 LIMIT_S=75 bench/import-20k.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OWNERS="${OWNERS:-20000}"
LIMIT_S="${LIMIT_S:-30}"
SEED="${SEED:-42}"
PROJECT="${PROJECT:-导入基准-$(date +%Y%m%d-%H%M%S)}"
FILE="$OUT/data/import-${OWNERS}-seed${SEED}.xlsx"

build_generator
generate_workbook "$FILE" "$OWNERS" "$PROJECT" "$SEED"

if [[ -z "${BASE_URL:-}" ]]; then
	build_app
	DB="$OUT/db-import"
	[[ "${KEEP_DB:-0}" == 1 ]] || rm -rf "$DB"
	start_app "$DB" "$OUT/import-app.log"
fi

create_token
project="$(project_id "$PROJECT")"
owners_before="$(owner_total)"
log "project '$PROJECT' (id $project); $owners_before owners in the database before the import"

import_file "$FILE"

rows="$(jq -r .totalRows <<<"$IMPORT_JSON")"
accepted="$(jq -r .acceptedRows <<<"$IMPORT_JSON")"
rejected="$(jq -r .rejectedRows <<<"$IMPORT_JSON")"
owners_after="$(owner_total)"
project_owners="$(owner_total "projectId=$project")"
rate="$(calc "$rows / $IMPORT_WALL_S")"

cat <<EOF

== import of $OWNERS owners ($(basename "$FILE"), $(du -k "$FILE" | cut -f1) KB) — $(date -Iseconds)
$(machine_note)
rows in file           $rows (accepted $accepted, rejected $rejected)
owners added           $((owners_after - owners_before)) (project $project now has $project_owners owners)
server time            ${IMPORT_SERVER_S} s   (finishedAt − startedAt)
wall time              ${IMPORT_WALL_S} s   (upload start → DONE seen)
throughput             ${rate} rows/s (wall)
target                 < ${LIMIT_S} s
EOF

record_result "import-20k" "owners=$OWNERS" "rows=$rows" "rejected=$rejected" "server_s=$IMPORT_SERVER_S" \
	"wall_s=$IMPORT_WALL_S" "rows_per_s=$rate" "cores=$(nproc)"

if ((rejected > 0)); then
	api GET "/api/v1/imports/$IMPORT_ID/rejections" | jq -c '.[:10]' >&2
	die "$rejected rows were rejected — the generated file should be all valid"
fi
if awk "BEGIN { exit !($IMPORT_WALL_S >= $LIMIT_S) }"; then
	echo "FAIL: import took ${IMPORT_WALL_S} s ≥ ${LIMIT_S} s"
	exit 1
fi
echo "PASS: import took ${IMPORT_WALL_S} s < ${LIMIT_S} s"
