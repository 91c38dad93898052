#!/usr/bin/env bash
# Host memory under many distinct Idempotency-Keys: publishes the sample host (Release), starts it on
# 127.0.0.1 in Production (bearer tokens, SQLite), sends KEYS reports each with a new key
# (push_keys.py: exactly KEYS requests over 16 keep-alive connections), and prints the host's resident memory before and after with the
# keys the store holds against its configured bound. Loopback only; bounded by KEYS and a time limit.
# Usage: benchmarks/load/idempotency-memory.sh [keys, default 100000] [store: Database (default) or Memory]
# LOAD_MAX_KEYS / LOAD_MAX_BYTES set the per-tenant bound; LOAD_APP reuses a published host.
set -euo pipefail
cd "$(dirname "$0")/../.."

KEYS="${1:-100000}"
STORE="${2:-Database}"
MAX_KEYS="${LOAD_MAX_KEYS:-10000}"
MAX_BYTES="${LOAD_MAX_BYTES:-33554432}"
PORT="${LOAD_PORT:-5082}"
BASE="http://127.0.0.1:${PORT}"
WORK="$(mktemp -d)"
HOST_PID=""

cleanup() {
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${LOAD_APP:-}" ]; then
  ln -s "$(realpath "$LOAD_APP")" "$WORK/app" # a host published before: dotnet publish samples/AfterSales.Host -c Release -o DIR
else
  echo "Publishing the host (Release)…" >&2
  dotnet publish samples/AfterSales.Host -c Release -o "$WORK/app" --nologo -v quiet >&2
fi

export AfterSales__Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export AfterSales__Jwt__Issuer=aftersales-load
TOKEN="$("$WORK/app/AfterSales.Host" token --tenant load --role customer --subject load-1 --name Load)"
CREDENTIAL="Authorization: Bearer $TOKEN"

"$WORK/app/AfterSales.Host" --urls "$BASE" --contentRoot "$WORK/app" \
  --ConnectionStrings:AfterSales="Data Source=$WORK/load.db" \
  --AfterSales:Http:TenantRequestLimit=0 --AfterSales:Http:ClientRequestLimit=0 \
  --AfterSales:Idempotency:Store="$STORE" \
  --AfterSales:Idempotency:MaxKeysPerTenant="$MAX_KEYS" --AfterSales:Idempotency:MaxBytesPerTenant="$MAX_BYTES" \
  --AfterSales:Idempotency:SweepInterval=00:00:05 \
  --Logging:LogLevel:Default=None >"$WORK/host.log" 2>&1 &
HOST_PID=$!

for _ in $(seq 1 60); do
  curl -fs "$BASE/ping" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/ping" >/dev/null || { echo "The host did not start:" >&2; cat "$WORK/host.log" >&2; exit 1; }

rss() { awk -v f="$1" '$1 == f":" {printf "%.1f MiB", $2 / 1024}' "/proc/$HOST_PID/status"; }

# Warm up (JIT, pools) with a few hundred keys of another run, so "before" is the steady host.
python3 benchmarks/load/push_keys.py --url "$BASE/after-sales/tickets" --keys 500 --credential "$CREDENTIAL" --run warmup >/dev/null
before=$(rss VmRSS)

echo "Sending $KEYS reports, each with a new Idempotency-Key ($STORE store)…" >&2
start=$(date +%s)
sent=$(python3 benchmarks/load/push_keys.py --url "$BASE/after-sales/tickets" --keys "$KEYS" --credential "$CREDENTIAL" --run "run$start")
seconds=$(( $(date +%s) - start ))
after=$(rss VmRSS)
sleep 6 # one sweep interval: the durable store evicts what went over the bound
settled=$(rss VmRSS)
peak=$(rss VmHWM)
rows=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from aftersales_idempotency_keys').fetchone()[0])" "$WORK/load.db")

echo
echo "$sent"
echo "| Store | Keys sent | Seconds | Keys in the table | Bound (keys / bytes per tenant) | RSS before | RSS after | RSS after a sweep | Peak RSS |"
echo "|---|---:|---:|---:|---|---:|---:|---:|---:|"
echo "| $STORE | $KEYS | $seconds | $rows | $MAX_KEYS / $MAX_BYTES | $before | $after | $settled | $peak |"
if [ "$STORE" = Memory ]; then
  echo
  echo "The Memory store keeps its keys in the host; the table holds none. Its bound is checked on every insert."
fi
