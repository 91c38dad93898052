#!/usr/bin/env bash
# Bounded HTTP load run: publishes the sample host (Release), starts it on 127.0.0.1 with SQLite and
# logging off (Production: bearer tokens required, the durable idempotency store on), runs wrk for a
# fixed duration per endpoint and prints a Markdown table. Loopback only. "Logging off" includes the
# host's one-line request log, which appsettings.json turns on by name (Default=None alone leaves it on).
# Usage: benchmarks/load/run.sh [seconds per endpoint, default 10]
# LOAD_AUTH=bearer (default): every request sends a bearer token signed with a key made for the run.
# LOAD_AUTH=header: no token, X-Tenant-Id trusted (gateway mode), to compare with runs before 0.2.
# LOAD_APP=dir: run a host already published there instead of publishing this tree (to compare builds).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-10}"
CONNECTIONS=64
THREADS=2
PORT="${LOAD_PORT:-5081}"
TICKETS=1000
BASE="http://127.0.0.1:${PORT}"
WORK="$(mktemp -d)"
HOST_PID=""
AUTH="${LOAD_AUTH:-bearer}"

command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }

cleanup() {
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

APP="${LOAD_APP:-$WORK/app}"
if [ -z "${LOAD_APP:-}" ]; then
  echo "Publishing the host (Release)…" >&2
  dotnet publish samples/AfterSales.Host -c Release -o "$APP" --nologo -v quiet >&2
fi

# A signing key made for this run; the host checks tokens with it and the token command signs with it.
export AfterSales__Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export AfterSales__Jwt__Issuer=aftersales-load
if [ "$AUTH" = header ]; then
  export AfterSales__Identity__AcceptTenantHeader=true AfterSales__Identity__AllowTenantHeaderOutsideDevelopment=true
  CREDENTIALS='X-Tenant-Id: load'
else
  TOKEN="$("$APP/AfterSales.Host" token --tenant load --role service-manager --subject load-1 --name Load)"
  CREDENTIALS="Authorization: Bearer $TOKEN"
fi
export LOAD_CREDENTIALS="$CREDENTIALS"

"$APP/AfterSales.Host" --urls "$BASE" --contentRoot "$APP" \
  --ConnectionStrings:AfterSales="Data Source=$WORK/load.db" \
  --AfterSales:Http:TenantRequestLimit=0 --AfterSales:Http:ClientRequestLimit=0 \
  --Logging:LogLevel:Default=None --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=None \
  >"$WORK/host.log" 2>&1 &
HOST_PID=$!

for _ in $(seq 1 60); do
  curl -fs "$BASE/ping" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/ping" >/dev/null || { echo "The host did not start:" >&2; cat "$WORK/host.log" >&2; exit 1; }

# Seed: one ticket to read, and the tickets the workflow command cycles through.
report() {
  curl -fs -o /dev/null -X POST "$BASE/after-sales/tickets" -H "$CREDENTIALS" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"reporter\":{\"name\":\"Li\",\"organization\":\"Bank\",\"contact\":\"138\"},\"channel\":\"Phone\",\"site\":{\"locality\":\"Local\",\"name\":\"HQ\",\"address\":\"1 Road\"},\"deviceSerialNumber\":\"SN-1\",\"symptom\":\"array down\",\"severityCode\":\"A\"}"
}
report LOAD-GET
seq 0 $((TICKETS - 1)) | {
  while read -r i; do
    report "LOAD-$i" &
    if (( i % 16 == 15 )); then wait; fi
  done
  wait # the pipeline's subshell: waits for its own curls only, never for the host
}

run() { # name, extra wrk args…
  local name="$1"; shift
  echo "wrk: $name (${DURATION}s, ${CONNECTIONS} connections)…" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency "$@" >"$WORK/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$WORK/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors:/ {print "socket: " $0}' "$WORK/$name.txt" | paste -sd' ')
  echo "$name|$rps|$p50|$p99|${errors:-0}" >>"$WORK/results"
}

run ping "$BASE/ping"
run get-ticket -H "$CREDENTIALS" "$BASE/after-sales/tickets/LOAD-GET"
run post-report -s benchmarks/load/report.lua "$BASE/after-sales/tickets"
run post-report-idempotent -s benchmarks/load/report-keyed.lua "$BASE/after-sales/tickets"
LOAD_TICKETS=$TICKETS run workflow-command -s benchmarks/load/command.lua "$BASE"

ceiling=$(awk -F'|' '$1 == "ping" {print $2}' "$WORK/results")
echo
echo "Credentials: $AUTH"
echo "| Endpoint | Requests/s | % of ceiling | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
while IFS='|' read -r name rps p50 p99 errors; do
  label=$name
  case $name in
    ping) label='GET /ping (trivial JSON, ceiling)';;
    get-ticket) label='GET /after-sales/tickets/{id}';;
    post-report) label='POST /after-sales/tickets (report)';;
    post-report-idempotent) label='POST /after-sales/tickets (report, a new Idempotency-Key each)';;
    workflow-command) label='POST /after-sales/tickets/{id}/deliver-repair-plan';;
  esac
  pct=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.0f %%", 100 * a / b }')
  echo "| $label | $rps | $pct | $p50 | $p99 | $errors |"
done <"$WORK/results"
