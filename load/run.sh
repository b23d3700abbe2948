#!/usr/bin/env bash
# `make load`: seeds a fresh SQLite database, starts the release server on 127.0.0.1:18355
# with the rate limits raised out of the way (they would turn the load into 429s), runs the
# goose workload against it (target/release/kakehashi-load) and stops the server.
# With LOAD_URL and LOAD_PIDS set, it loads that server instead (e.g. `make cluster`'s nginx
# and its instances' pids) and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=target/release/kakehashi
LOADER=target/release/kakehashi-load
DIR=${LOAD_OUT:-target/load}
export LOAD_OUT=$DIR
mkdir -p "$DIR"

if [ -n "${LOAD_URL:-}" ]; then
  [ -n "${LOAD_PIDS:-}" ] || echo "load: LOAD_PIDS not set: no memory or server CPU figures" >&2
  exec "$LOADER"
fi

TALENTS=${LOAD_TALENTS:-20000}
PROJECTS=${LOAD_PROJECTS:-5000}
ADDR=${LOAD_ADDR:-127.0.0.1:18355}
DB="$DIR/load.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "load: seeding $TALENTS talents and $PROJECTS postings into $DB"
DATABASE_URL="sqlite://$DB" "$BIN" seed --talents "$TALENTS" --projects "$PROJECTS" --seed 1 >"$DIR/seed.log" 2>&1

# Every limit far above what the run sends (48 talents from one address, thousands of
# requests a second): the limits are still checked on every request, as in production, but
# never refuse one. `make cluster` users loading it set the same variables.
for limit in LOGIN_IP LOGIN_EMAIL REGISTER_IP SEARCH_IP APPLY_USER MESSAGE_USER; do
  export "KAKEHASHI_LIMIT_$limit=${LOAD_LIMIT:-100000000/1m}"
done
SERVER_LOG="$DIR/server.log"
DATABASE_URL="sqlite://$DB" KAKEHASHI_ADDR="$ADDR" KAKEHASHI_DATA_DIR="$DIR" \
  KAKEHASHI_STATIC_DIR="$DIR/no-app" KAKEHASHI_JWT_SECRET="load-$(date +%s)-$RANDOM-$RANDOM-secret" \
  "$BIN" serve >"$SERVER_LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 300); do
  curl -fsS "http://$ADDR/api/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "load: the server stopped; see $SERVER_LOG" >&2; exit 1; }
  sleep 0.2
done
echo "load: server $SERVER on http://$ADDR ($(nproc) cores shared with this generator)"
LOAD_URL="http://$ADDR" LOAD_PIDS=$SERVER "$LOADER"
