#!/usr/bin/env bash
# The end-to-end tests (`make e2e`, part of `make test`): a fresh database, the debug server
# serving the built app on a private port, one hub in Iwate with a coordinator (the only account
# the app cannot create for itself: admins make staff), then
#   life.mjs   the whole life through the UI in Japanese, by a company, a coordinator and a talent;
#   smoke-en.mjs   the main pages in English;
#   first-load.mjs   the first load's compressed size against its budget and Yew's hello world;
#   integrations.mjs   a partner's API key (shown once, used, revoked) and webhook (secret shown
#                once, delivery log, deleted), and the admin's way there in English at 390 px;
#   widget.mjs   the widget on a partner's site (a second origin, E2E_PORT+1), a registration
#                and an application through it, counted in the partner's figures.
#   privacy.mjs   a talent downloads their data and deletes the account (APPI), at 390 px.
#   partner.mjs   the partner's home (referral link, widget tag, allowed sites, programmes,
#                 shown on a posting) and the admin's partner screen.
# The first two check the main pages with axe-core. Screenshots and reports go to
# target/e2e-screenshots/. Needs target/debug/kakehashi, frontend/dist, target/hello-dist and
# e2e/node_modules (the Makefile provides them).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-18180}"
WORK="$(mktemp -d)"
SERVER_LOG="target/e2e-server.log"
export DATABASE_URL="sqlite://$WORK/e2e.db"
export KAKEHASHI_DATA_DIR="$WORK"
export KAKEHASHI_ADDR="127.0.0.1:$PORT"
export E2E_BASE="http://127.0.0.1:$PORT"
# Rate limits: every page of every scenario signs in, registers and searches from 127.0.0.1;
# the limits themselves are tested in backend/tests/api/rate_limits.rs.
for limit in LOGIN_IP LOGIN_EMAIL REGISTER_IP SEARCH_IP APPLY_USER MESSAGE_USER; do
  export "KAKEHASHI_LIMIT_$limit=100000/1m"
done
export E2E_COORDINATOR_EMAIL="coordinator@e2e.kakehashi.test"
export E2E_COORDINATOR_PASSWORD="iwate-coordinator-2026"
export E2E_ADMIN_EMAIL="admin@e2e.kakehashi.test"
export E2E_ADMIN_PASSWORD="kakehashi-admin-2026"
BIN=./target/debug/kakehashi

rm -rf target/e2e-screenshots
mkdir -p target/e2e-screenshots

# The accounts and partner the scripts sign in as; a failing command shows its output and stops.
SETUP_LOG="$WORK/setup.log"
setup() {
  "$@" >>"$SETUP_LOG" 2>&1 || { echo "e2e setup failed: $*"; cat "$SETUP_LOG"; exit 1; }
}

setup $BIN migrate
setup $BIN admin create-hub --name "いわて副業人材拠点" --prefectures 03
KAKEHASHI_STAFF_PASSWORD="$E2E_COORDINATOR_PASSWORD" setup $BIN admin create-staff --role coordinator \
  --email "$E2E_COORDINATOR_EMAIL" --name "佐藤 コーディネーター" --hub 1
KAKEHASHI_STAFF_PASSWORD="$E2E_ADMIN_PASSWORD" setup $BIN admin create-staff --role admin \
  --email "$E2E_ADMIN_EMAIL" --name "運営 太郎"
# Widget and referrals: Iwate as a partner whose site (the demo page on the next port) may
# show the widget.
export E2E_WIDGET_PORT=$((PORT + 1))
setup $BIN admin create-partner --name "岩手県" --kind prefecture --referral-code iwate-pref \
  --prefectures 03 --origins "http://127.0.0.1:$E2E_WIDGET_PORT"
# A staff account of that partner (partner 1): partner.mjs and integrations.mjs sign in as it.
export E2E_PARTNER_EMAIL="partner@e2e.kakehashi.test"
export E2E_PARTNER_PASSWORD="iwate-partner-2026"
KAKEHASHI_STAFF_PASSWORD="$E2E_PARTNER_PASSWORD" setup $BIN admin create-staff --role partner \
  --email "$E2E_PARTNER_EMAIL" --name "岩手 花子" --partner 1

$BIN serve >"$SERVER_LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  node -e 'fetch(process.env.E2E_BASE + "/api/health").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' && break
  kill -0 $SERVER 2>/dev/null || { echo "the server did not start:"; cat "$SERVER_LOG"; exit 1; }
  sleep 0.5
done

node e2e/life.mjs
node e2e/smoke-en.mjs
node e2e/first-load.mjs
node e2e/widget.mjs
node e2e/partner.mjs
# Statistics (KPIs): after the life script, so the figures have records.
node e2e/stats.mjs
node e2e/integrations.mjs
# Privacy (APPI): a talent's export and account deletion, on a phone.
node e2e/privacy.mjs
echo "e2e: passed; screenshots in target/e2e-screenshots/"
