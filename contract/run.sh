#!/usr/bin/env bash
# Contract fuzzing (`make contract`, part of `make test`): schemathesis generates requests from
# the OpenAPI document the running server publishes and checks every answer against it — no
# 5xx, the documented status codes, content types, headers and response schemas.
#
# A fresh SQLite database with the demo data set, the debug server on 127.0.0.1:CONTRACT_PORT,
# then one schemathesis run per caller: anonymous, talent, company member, coordinator and admin
# (each with its own bearer token), sharing the wall-clock budget CONTRACT_SECONDS (default 180).
# The runs are reproducible: the same CONTRACT_SEED (default 1) generates the same requests.
# Any finding fails the script; schemathesis prints a curl command reproducing each one.
# Reports (JUnit) and the server log go to target/contract/.
#
# Needs target/debug/kakehashi (the Makefile builds it) and Python 3 with venv; schemathesis
# and its dependencies are installed from PyPI into target/contract-venv, pinned by
# contract/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${CONTRACT_PORT:-18320}"
SECONDS_BUDGET="${CONTRACT_SECONDS:-180}"
SEED="${CONTRACT_SEED:-1}"
VENV=target/contract-venv
OUT=target/contract
BIN=./target/debug/kakehashi
BASE="http://127.0.0.1:$PORT"

[ -x "$BIN" ] || { echo "contract: $BIN is missing (make backend)" >&2; exit 1; }

# The venv is rebuilt when requirements.txt changes (the stamp is older than it).
if [ ! -f "$VENV/.installed" ] || [ contract/requirements.txt -nt "$VENV/.installed" ]; then
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    else
      echo "contract: python3-venv is missing (apt-get install python3-venv)" >&2; exit 1
    fi
  fi
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r contract/requirements.txt
  touch "$VENV/.installed"
fi

WORK="$(mktemp -d)"
rm -rf "$OUT"
mkdir -p "$OUT"
export DATABASE_URL="sqlite://$WORK/contract.db"
export KAKEHASHI_DATA_DIR="$WORK"
export KAKEHASHI_ADDR="127.0.0.1:$PORT"
# Every request comes from 127.0.0.1: the rate limits are raised out of the way, or the run
# would mostly see 429s (tests/api cover the limits themselves).
for limit in LOGIN_IP LOGIN_EMAIL REGISTER_IP SEARCH_IP APPLY_USER MESSAGE_USER; do
  export "KAKEHASHI_LIMIT_$limit=100000/1m"
done
# Mail goes nowhere and webhooks may not leave the machine: the defaults (no SMTP URL,
# private targets refused) are what we want, so nothing is set for them.

"$BIN" migrate >"$WORK/setup.log" 2>&1 && "$BIN" seed --demo >"$WORK/accounts.txt" 2>>"$WORK/setup.log" \
  || { echo "contract: setup failed"; cat "$WORK/setup.log"; exit 1; }

"$BIN" serve >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/api/health" && break
  kill -0 $SERVER 2>/dev/null || { echo "contract: the server did not start:"; cat "$OUT/server.log"; exit 1; }
  sleep 0.5
done

# The first demo account of a role, as `seed --demo` prints them ("  talent   EMAIL  (name)").
account() { awk -v role="$1" '$1 == role { print $2; exit }' "$WORK/accounts.txt"; }
PASSWORD="$(sed -n 's/.*(password: \(.*\))$/\1/p' "$WORK/accounts.txt")"
token() {
  curl -fsS -H 'Content-Type: application/json' \
    --data "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" \
    | "$VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

ROLES=(anonymous talent company coordinator admin)
PER_RUN=$(( SECONDS_BUDGET / ${#ROLES[@]} ))
[ "$PER_RUN" -ge 1 ] || PER_RUN=1
FAILED=()
START=$(date +%s)
for role in "${ROLES[@]}"; do
  AUTH=()
  if [ "$role" != anonymous ]; then
    email="$(account "$role")"
    [ -n "$email" ] || { echo "contract: no demo $role account"; cat "$WORK/accounts.txt"; exit 1; }
    # Signed in just before its run: an access token lives 15 minutes.
    AUTH=(-H "Authorization: Bearer $(token "$email")")
  fi
  echo "== contract: $role (${PER_RUN}s, seed $SEED)"
  if ! "$VENV/bin/st" --config-file contract/schemathesis.toml run "$BASE/api/openapi.json" \
      "${AUTH[@]}" \
      --seed "$SEED" \
      --max-time "$PER_RUN" \
      --workers 1 \
      --no-color \
      --report junit --report-junit-path "$OUT/$role.xml"; then
    FAILED+=("$role")
  fi
done
echo "contract: ${#ROLES[@]} runs in $(( $(date +%s) - START ))s"

if [ ${#FAILED[@]} -gt 0 ]; then
  echo "contract: FAILED for ${FAILED[*]} (reproduce each finding with the curl commands above;" \
    "CONTRACT_SEED=$SEED; server log in $OUT/server.log)" >&2
  exit 1
fi
echo "contract: passed"
