# shellcheck shell=bash
# Shared helpers of the benchmark scripts; sourced, not run. Paths are relative to the repository root.
#
# Environment (all optional):
#   BASE_URL            use an already running app instead of starting one (then nothing is built or stopped)
#   BENCH_PORT          port of the app the scripts start (default 8091)
#   ADMIN_USER          default admin
#   ADMIN_PASSWORD      default $ESTATEDESK_ADMIN_PASSWORD or Bench-Admin-2026 (set on a fresh data dir)
#   SKIP_BUILD=1        reuse bench/out/estatedesk-bench.jar instead of rebuilding the app
#   MVN                 maven command (default: mvn -q)
#   JAVA_OPTS           extra JVM options for the app

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO_ROOT/bench/out"
mkdir -p "$OUT"

BENCH_PORT="${BENCH_PORT:-8091}"
ADMIN_USER="${ADMIN_USER:-admin}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-${ESTATEDESK_ADMIN_PASSWORD:-Bench-Admin-2026}}"
MVN="${MVN:-mvn -q}"
APP_JAR="$OUT/estatedesk-bench.jar"
APP_PID=""
TOKEN=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in curl jq java; do
	command -v "$tool" >/dev/null || die "$tool is required"
done

machine_note() {
	echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) (shared, noisy)"
}

# ---- building

# Packages the app (tests neither compiled nor run) and copies the jar to bench/out, so a concurrent `mvn clean`
# elsewhere cannot pull it away. If the build fails (e.g. someone's edit in progress) an earlier jar is reused.
build_app() {
	if [[ "${SKIP_BUILD:-0}" == 1 && -f "$APP_JAR" ]]; then
		log "SKIP_BUILD=1: using ${APP_JAR#"$REPO_ROOT"/}"
		return
	fi
	log "building the app jar (mvn -Dmaven.test.skip=true package)"
	if ! (cd "$REPO_ROOT" && $MVN -Dmaven.test.skip=true package); then
		[[ -f "$APP_JAR" ]] || die "the build failed and there is no earlier ${APP_JAR#"$REPO_ROOT"/}"
		log "WARNING: the build failed; using the earlier ${APP_JAR#"$REPO_ROOT"/} ($(date -r "$APP_JAR" -Iseconds))"
		return
	fi
	local jar="" f
	for f in "$REPO_ROOT"/target/estatedesk-*.jar; do
		if [[ -f "$f" && "$f" != *-plain.jar && ( -z "$jar" || "$f" -nt "$jar" ) ]]; then
			jar="$f"
		fi
	done
	[[ -n "$jar" ]] || die "no jar under target/"
	cp "$jar" "$APP_JAR"
}

GENERATOR_SRC="$REPO_ROOT/src/test/java/io/estatedesk/bench/OwnerWorkbookGenerator.java"
GENERATOR_CLASSES="$OUT/generator-classes"

# Compiles just the xlsx generator with javac against the project's dependency classpath (written once to
# bench/out/classpath.txt by `mvn dependency:build-classpath`), so it does not depend on the rest of the test
# sources compiling and works offline after the first run.
build_generator() {
	if [[ ! -s "$OUT/classpath.txt" || "$REPO_ROOT/pom.xml" -nt "$OUT/classpath.txt" ]]; then
		log "resolving the dependency classpath (mvn dependency:build-classpath)"
		(cd "$REPO_ROOT" && $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt")
	fi
	if [[ ! -f "$GENERATOR_CLASSES/io/estatedesk/bench/OwnerWorkbookGenerator.class" \
		|| "$GENERATOR_SRC" -nt "$GENERATOR_CLASSES/io/estatedesk/bench/OwnerWorkbookGenerator.class" ]]; then
		log "compiling the workbook generator"
		rm -rf "$GENERATOR_CLASSES"
		javac -proc:none -encoding UTF-8 --release 17 -d "$GENERATOR_CLASSES" -cp "$(cat "$OUT/classpath.txt")" "$GENERATOR_SRC"
	fi
}

# generate_workbook <file> <owners> <project> <seed>
generate_workbook() {
	java -cp "$GENERATOR_CLASSES:$(cat "$OUT/classpath.txt")" io.estatedesk.bench.OwnerWorkbookGenerator "$@" >&2
}

# ---- the app

port_in_use() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" ; }

# start_app <data dir> <log file>: starts the jar on BENCH_PORT with an embedded PostgreSQL under <data dir>.
start_app() {
	local data_dir="$1" logfile="$2"
	if port_in_use "$BENCH_PORT"; then
		die "port $BENCH_PORT is already in use; stop that process or pass BASE_URL=http://127.0.0.1:$BENCH_PORT to use it"
	fi
	mkdir -p "$(dirname "$data_dir")"
	log "starting the app on port $BENCH_PORT, data in ${data_dir#"$REPO_ROOT"/}, log ${logfile#"$REPO_ROOT"/}"
	# shellcheck disable=SC2086
	SERVER_PORT="$BENCH_PORT" ESTATEDESK_DATA_DIR="$data_dir" ESTATEDESK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
		java ${JAVA_OPTS:-} -jar "$APP_JAR" >"$logfile" 2>&1 &
	APP_PID=$!
	APP_DATA_DIR="$data_dir"
	APP_LOG="$logfile"
	trap stop_app EXIT
	trap 'exit 130' INT TERM
	BASE_URL="http://127.0.0.1:$BENCH_PORT"
	wait_healthy 240
	log "app is up (pid $APP_PID); $(grep -o 'Embedded PostgreSQL running on port [0-9]*' "$logfile" | head -1)"
}

wait_healthy() {
	local timeout="$1" start=$SECONDS
	until curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		if [[ -n "$APP_PID" ]] && ! kill -0 "$APP_PID" 2>/dev/null; then
			tail -40 "$APP_LOG" >&2 || true
			die "the app exited during start-up (log: $APP_LOG)"
		fi
		((SECONDS - start < timeout)) || die "no healthy app at $BASE_URL after ${timeout}s"
		sleep 1
	done
}

# Stops the app this script started: SIGTERM (Spring then stops the embedded PostgreSQL), and if that hangs,
# SIGKILL and a fast shutdown of the orphaned postmaster recorded in the data dir.
stop_app() {
	local rc=$?
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		log "stopping the app (pid $APP_PID)"
		kill -TERM "$APP_PID" 2>/dev/null || true
		local pg_gone_at=""
		for ((i = 0; i < 90; i++)); do
			kill -0 "$APP_PID" 2>/dev/null || break
			# Builds before 9b4dcad stopped the embedded PostgreSQL from its own JVM shutdown hook while Spring was
			# still closing, and the event publication registry then waited 30 s for a connection. Once the
			# database is down cleanly nothing is left to lose, so do not wait for that.
			if [[ ! -f "$APP_DATA_DIR/postmaster.pid" ]]; then
				pg_gone_at="${pg_gone_at:-$i}"
				if ((i - pg_gone_at >= 10)); then
					log "the database is down but the app is still closing (30 s shutdown hang of older builds); killing it"
					break
				fi
			fi
			sleep 0.5
		done
		if kill -0 "$APP_PID" 2>/dev/null; then
			kill -KILL "$APP_PID" 2>/dev/null || true
		fi
		wait "$APP_PID" 2>/dev/null || true
		if [[ -f "$APP_DATA_DIR/postmaster.pid" ]]; then
			local pg
			pg="$(head -1 "$APP_DATA_DIR/postmaster.pid")"
			if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
				log "stopping the orphaned embedded PostgreSQL (pid $pg)"
				kill -INT "$pg" 2>/dev/null || true
			fi
		fi
	fi
	APP_PID=""
	return $rc
}

pg_port() {
	[[ -n "${APP_LOG:-}" ]] && grep -o 'Embedded PostgreSQL running on port [0-9]*' "$APP_LOG" | head -1 | grep -o '[0-9]*$'
}

# ---- API calls

api_basic() { # method path [curl args…]
	local method="$1" path="$2"
	shift 2
	curl -sS --fail-with-body -u "$ADMIN_USER:$ADMIN_PASSWORD" -X "$method" "$BASE_URL$path" "$@"
}

api() { # method path [curl args…], with the bearer token
	local method="$1" path="$2"
	shift 2
	curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -X "$method" "$BASE_URL$path" "$@"
}

# browser_login <cookie file>: signs in as the administrator like a browser (login page, CSRF token, form post)
browser_login() {
	local csrf
	csrf="$(curl -sS -c "$1" -b "$1" "$BASE_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')"
	curl -sS -o /dev/null -c "$1" -b "$1" -d "username=$ADMIN_USER&password=$ADMIN_PASSWORD&_csrf=$csrf" "$BASE_URL/login"
}

create_token() {
	TOKEN="$(api_basic POST /api/v1/me/tokens -H 'Content-Type: application/json' \
		-d '{"name":"bench","days":30}' | jq -er .token)" || die "could not create an API token (is ADMIN_PASSWORD right?)"
}

# project_id <name>: the id of the project with that name, created if missing.
project_id() {
	local name="$1" id
	id="$(api GET /api/v1/projects | jq -r --arg n "$name" '.[] | select(.name == $n) | .id' | head -1)"
	if [[ -z "$id" ]]; then
		id="$(api POST /api/v1/projects -H 'Content-Type: application/json' \
			-d "$(jq -nc --arg n "$name" '{name: $n, address: "北京市朝阳区基准路1号", developerName: "基准置业有限公司", notes: "benchmark data"}')" \
			| jq -er .id)"
	fi
	echo "$id"
}

owner_total() { # [projectId=N] — exact count from the archive statistics (list totals stop at 10,000)
	api GET "/api/v1/archive/statistics${1:+?$1}" | jq -er .owners
}

epoch() { date -d "$1" +%s.%N; }

calc() { awk "BEGIN { printf \"%.3f\", $* }"; }

# import_file <file.xlsx>: uploads, polls until DONE/FAILED; sets IMPORT_JSON, IMPORT_WALL_S, IMPORT_SERVER_S.
import_file() {
	local file="$1" started job id status
	started="$(date +%s.%N)"
	job="$(api POST /api/v1/imports -F "file=@$file;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")" \
		|| die "upload failed: $job"
	id="$(jq -er .id <<<"$job")"
	log "import #$id started: $(basename "$file")"
	local deadline=$((SECONDS + ${IMPORT_TIMEOUT:-900})) next=$((SECONDS + 5))
	while :; do
		job="$(api GET "/api/v1/imports/$id")"
		status="$(jq -r .status <<<"$job")"
		[[ "$status" != RUNNING ]] && break
		((SECONDS < deadline)) || die "import #$id still running after ${IMPORT_TIMEOUT:-900}s: $job"
		if ((SECONDS >= next)); then
			log "  … $(jq -r '"\(.processedRows)/\(.totalRows)"' <<<"$job") rows"
			next=$((SECONDS + 5))
		fi
		sleep 0.25
	done
	IMPORT_WALL_S="$(calc "$(date +%s.%N) - $started")"
	IMPORT_JSON="$job"
	[[ "$status" == DONE ]] || die "import #$id ended $status: $job"
	IMPORT_SERVER_S="$(calc "$(epoch "$(jq -r .finishedAt <<<"$job")") - $(epoch "$(jq -r .startedAt <<<"$job")")")"
	IMPORT_ID="$id"
}

record_result() { # tab-separated line appended to bench/out/results.tsv
	local IFS=$'\t'
	printf '%s\t%s\n' "$(date -Iseconds)" "$*" >>"$OUT/results.tsv"
}
