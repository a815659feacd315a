#!/usr/bin/env bash
# Starts the built app with no DATABASE_URL (embedded PostgreSQL, demo mode) in a temp data folder, checks
# /api/v1/health and that the model program is served with its 5 phases and 15 activities, then stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=${SMOKE_PORT:-3197}
log="$data/app.log"
env -u DATABASE_URL PORT=$port RUMBO_DATA_DIR="$data" EMBEDDED_PG_PORT=${SMOKE_PG_PORT:-54397} LOG_LEVEL=warn \
  node dist/apps/api/src/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "app exited"; exit 1; }
  sleep 1
done
health=$(curl -s "http://127.0.0.1:$port/api/v1/health")
echo "health: $health"
[ "$health" = '{"status":"ok","database":"up"}' ] || { tail -50 "$log"; exit 1; }

token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"coordinator@rumbo.demo","password":"rumbo-demo"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')
curl -sf "http://127.0.0.1:$port/api/v1/programs/condatos-2024" -H "Authorization: Bearer $token" | node -e '
let s=""; process.stdin.on("data",d=>s+=d).on("end",()=>{
  const p = JSON.parse(s);
  console.log(`program ${p.code}: ${p.phases.length} phases, ${p.activities.length} activities`);
  if (p.phases.length !== 5 || p.activities.length !== 15) process.exit(1);
});'
curl -sf "http://127.0.0.1:$port/" | grep -q '<div id="root"' && echo "dashboard served at /"
kill -TERM $pid
wait $pid || true
grep -q "embedded PostgreSQL" "$log" && echo "embedded PostgreSQL was used"
