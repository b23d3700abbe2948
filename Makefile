# Kakehashi: README's two commands are `make run` and `make test`.
# Everything a fresh Debian machine with only the Rust toolchain lacks is installed here.

SHELL := /bin/bash
.DEFAULT_GOAL := run

DATABASE_URL ?= sqlite://data/kakehashi.db
KAKEHASHI_ADDR ?= 127.0.0.1:8080
export DATABASE_URL KAKEHASHI_ADDR

CARGO ?= cargo
# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, "", $$0); print; exit}' Cargo.lock)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
WASM_BINDGEN := $(CARGO_BIN)/wasm-bindgen

.PHONY: run build test lint fmt openapi demo frontend tools wasm-target wasm-bindgen backend backend-release bench wrk e2e e2e-tools hello clean help

help:
	@echo "make run      build backend and app, migrate, serve on http://$(KAKEHASHI_ADDR) ($(DATABASE_URL))"
	@echo "make test     fmt, clippy, all tests (PostgreSQL too when TEST_POSTGRES_URL is set), fuzz, contract, e2e"
	@echo "make build    release binary target/release/kakehashi and frontend/dist"
	@echo "make demo     load the Japanese demo data set and print the demo accounts"
	@echo "make openapi  regenerate openapi/openapi.json"
	@echo "make e2e      the end-to-end tests in headless Chromium (part of make test)"
	@echo "make bench    benchmarks at 1M talents / 100k postings, written to docs/PERFORMANCE.md"
	@echo "              (quick try: BENCH_TALENTS=20000 BENCH_PROJECTS=5000 make bench)"
	@echo "make fuzz     the cargo-fuzz targets for FUZZ_SECONDS each (part of make test, briefly)"
	@echo "make contract schemathesis against the server's own OpenAPI (part of make test)"
	@echo "make load     mixed load at 80% of saturation for 10 minutes (docs/PERFORMANCE.md)"
	@echo "make cluster  2+ instances on one PostgreSQL behind nginx (docs/DEPLOY.md)"

## Tools ---------------------------------------------------------------------------------

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

# The HTTP load generator of `make bench` (Debian's package); without root the bench says it
# could not measure HTTP rather than fail.
wrk:
	@command -v wrk >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && { DEBIAN_FRONTEND=noninteractive apt-get install -y wrk || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }; }; } \
	  || echo "wrk is not installed (apt-get needs root): the HTTP figures will be left out"

wasm-bindgen:
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (once; takes a few minutes)"; \
	  $(CARGO) install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" --locked \
	    || $(CARGO) install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)"; \
	fi

tools: wasm-target wasm-bindgen

# The end-to-end tests drive Debian's Chromium with playwright-core from npm, pinned by
# e2e/package-lock.json; nothing downloads a browser. Node, Chromium and a Japanese font (for
# readable screenshots) come from Debian when missing (needs root, as on CI).
E2E_APT := $(if $(shell command -v node),,nodejs npm) $(if $(wildcard /usr/bin/chromium),,chromium) \
  $(if $(wildcard /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc),,fonts-noto-cjk)
e2e-tools:
	@if [ -n "$(strip $(E2E_APT))" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y $(E2E_APT) \
	      || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(E2E_APT); }; \
	  else echo "missing $(E2E_APT): install them (apt-get install $(E2E_APT)) or run as root" >&2; exit 1; fi; \
	fi
	@[ -d e2e/node_modules/playwright-core ] && [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] \
	  || (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)

## Build ---------------------------------------------------------------------------------

frontend: tools
	WASM_BINDGEN=$(WASM_BINDGEN) sh frontend/build.sh

# Yew's hello world built the same way: the floor of the size report.
hello: tools
	WASM_BINDGEN=$(WASM_BINDGEN) sh frontend/build.sh hello

backend:
	$(CARGO) build -p kakehashi

backend-release:
	$(CARGO) build -p kakehashi --release

build: backend-release frontend

## Run -----------------------------------------------------------------------------------

run: backend frontend
	./target/debug/kakehashi serve

demo: backend
	./target/debug/kakehashi seed --demo

openapi:
	$(CARGO) run -q -p kakehashi -- openapi --out openapi/openapi.json

## Checks --------------------------------------------------------------------------------

fmt:
	$(CARGO) fmt --all

lint: wasm-target
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --exclude kakehashi-frontend --exclude kakehashi-hello --all-targets -- -D warnings
	$(CARGO) clippy -p kakehashi-frontend -p kakehashi-hello --target wasm32-unknown-unknown -- -D warnings

test: lint
	@if [ -n "$$TEST_POSTGRES_URL" ]; then echo "PostgreSQL suite: on ($$TEST_POSTGRES_URL)"; \
	  else echo "PostgreSQL suite: skipped (set TEST_POSTGRES_URL to run it)"; fi
	@# The PostgreSQL backup test runs pg_dump and pg_restore (Debian: postgresql-client).
	@if [ -n "$$TEST_POSTGRES_URL" ] && ! command -v pg_dump >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null; \
	  else echo "pg_dump missing: apt-get install postgresql-client" >&2; exit 1; fi; \
	fi
	$(CARGO) test --workspace --exclude kakehashi-frontend --exclude kakehashi-hello
	$(MAKE) fuzz FUZZ_SECONDS=15 FUZZ_PROFILE=dev
	$(MAKE) contract
	$(MAKE) e2e

e2e: backend frontend hello e2e-tools
	bash e2e/run.sh

## Benchmarks ----------------------------------------------------------------------------

# Scale and seed of the data set; a smaller one for a quick try.
BENCH_TALENTS ?= 1000000
BENCH_PROJECTS ?= 100000
BENCH_SEED ?= 1
export BENCH_TALENTS BENCH_PROJECTS BENCH_SEED

# Release server binary (it seeds the data and is load-tested), then one bench binary that runs
# everything and rewrites docs/PERFORMANCE.md (see backend/benches/perf/main.rs).
bench: backend-release wrk
	$(CARGO) bench -p kakehashi --bench perf

clean:
	$(CARGO) clean
	rm -rf frontend/dist

## Load and scale-out (issue 7, items 4 and 6) ---------------------------------------------

.PHONY: load load-tool cluster nginx

# The goose workload lives in its own crate and workspace (load/), so neither the main build
# nor `make test` compiles it; it shares the target directory.
load-tool:
	$(CARGO) build --release --manifest-path load/Cargo.toml --target-dir target

# Mixed workload at 80% of the measured saturation for LOAD_SECONDS (600) against a release
# server on a freshly seeded SQLite file (quick try: LOAD_SECONDS=60 make load). Figures in
# target/load/ and docs/PERFORMANCE.md.
load: backend-release load-tool
	bash load/run.sh

# Debian's nginx, installed when missing (needs root).
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] \
	  || { [ "$$(id -u)" = 0 ] && { DEBIAN_FRONTEND=noninteractive apt-get install -y nginx || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx; }; }; } \
	  || { echo "nginx is missing: apt-get install nginx (needs root)" >&2; exit 1; }
	@command -v psql >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && { DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client; }; }; } \
	  || { echo "psql is missing: apt-get install postgresql-client (needs root)" >&2; exit 1; }

# CLUSTER_INSTANCES (2) release servers on one PostgreSQL database (CLUSTER_DATABASE_URL)
# behind nginx on http://127.0.0.1:18350; Ctrl-C stops everything. See docs/DEPLOY.md.
# A PostgreSQL DATABASE_URL given to make is used too.
CLUSTER_DATABASE_URL ?= $(if $(filter postgres://% postgresql://%,$(DATABASE_URL)),$(DATABASE_URL),postgres://postgres@127.0.0.1:5432/kakehashi_cluster)
export CLUSTER_DATABASE_URL
cluster: backend-release frontend nginx
	bash deploy/cluster.sh

## Contract fuzzing (issue 7, item 3) --------------------------------------------------------

.PHONY: contract

# schemathesis (pinned in contract/requirements.txt, installed into target/contract-venv)
# against the debug server's own OpenAPI document, as anonymous, talent, company,
# coordinator and admin, within CONTRACT_SECONDS (180); CONTRACT_SEED (1) varies the inputs.
contract: backend
	bash contract/run.sh

## Property tests and fuzzing (issue 7, item 2) ----------------------------------------------

.PHONY: fuzz fuzz-tools

# The property tests (shared/tests/properties) are plain `cargo test`. The fuzz targets
# (fuzz/fuzz_targets) run under libFuzzer through cargo-fuzz, which needs nightly compiler
# flags: the rustup nightly toolchain when installed, else stable with RUSTC_BOOTSTRAP=1.
# Without a sanitizer by default: the workspace forbids unsafe code, so what the targets look
# for is panics, overflows and broken invariants (debug assertions are on), and it needs no
# ASan runtime (FUZZ_SANITIZER=address to use one). Builds go to target/fuzz so nightly flags
# never invalidate the stable build; new corpus entries to target/fuzz/corpus (fuzz/corpus
# holds only the committed seeds); a crash fails and is written to fuzz/artifacts/<target>/.
CARGO_FUZZ_VERSION := 0.13.1
FUZZ_SECONDS ?= 20
FUZZ_SANITIZER ?= none
FUZZ_TARGETS ?= search_query request_bodies query_params access_tokens
FUZZ_CARGO := $(if $(shell rustup toolchain list 2>/dev/null | grep '^nightly'),$(CARGO) +nightly,RUSTC_BOOTSTRAP=1 $(CARGO))
FUZZ_TRIPLE := $(shell rustc -vV | sed -n 's/^host: //p')
# FUZZ_PROFILE=dev (as in `make test`) builds unoptimised: about 3 minutes from cold instead of
# half an hour for the optimised build, at a tenth of the executions a second, enough for a
# smoke run; longer runs want the default release build.
FUZZ_PROFILE ?= release
FUZZ_BIN := target/fuzz/$(FUZZ_TRIPLE)/$(if $(filter dev,$(FUZZ_PROFILE)),debug,release)

fuzz-tools:
	@if [ "$$($(CARGO) fuzz --version 2>/dev/null | awk '{print $$2}')" != "$(CARGO_FUZZ_VERSION)" ]; then \
	  echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) (once; takes a few minutes)"; \
	  $(CARGO) install cargo-fuzz --version "$(CARGO_FUZZ_VERSION)" --locked; \
	fi

# Each target for FUZZ_SECONDS (20; `make test` gives each 15). One build, then the binaries
# themselves, so every target runs the code of that build.
fuzz: fuzz-tools
	cd fuzz && $(FUZZ_CARGO) fuzz build $(if $(filter dev,$(FUZZ_PROFILE)),--dev) --sanitizer $(FUZZ_SANITIZER) --target $(FUZZ_TRIPLE) --target-dir ../target/fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz/corpus/$$t fuzz/artifacts/$$t && \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s" && \
	  $(FUZZ_BIN)/$$t -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/artifacts/$$t/ \
	    target/fuzz/corpus/$$t fuzz/corpus/$$t 2>&1 | grep -v '^#[0-9]'; \
	  [ "$${PIPESTATUS[0]}" = 0 ] || { echo "fuzz target $$t failed on the input written to fuzz/artifacts/$$t/ (above); replay it with $(FUZZ_BIN)/$$t <file>" >&2; exit 1; }; \
	done
