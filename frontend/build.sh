#!/usr/bin/env sh
# Builds the Yew app into frontend/dist: the release wasm of each bundle (public, account,
# work, company, hub, partner; see frontend/src/lib.rs), its wasm-bindgen glue (an ES module that
# loader.js imports by absolute path), index.html, loader.js and app.css.
# `build.sh hello` builds the hello-world Yew app (frontend/hello) the same way into
# target/hello-dist, the floor the size report compares the app with.
# WASM_BINDGEN: the wasm-bindgen CLI to use; its version must equal the wasm-bindgen crate's
# in Cargo.lock (cargo install wasm-bindgen-cli --version <that>).
set -eu

cd "$(dirname "$0")/.."
WASM_BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

# One package's wasm through wasm-bindgen into a directory. The name section only serves
# debuggers and is about a third of the file.
bindgen() {
  "$WASM_BINDGEN" --target web --no-typescript --remove-name-section --out-dir "$2" \
    "$TARGET_DIR/wasm32-unknown-unknown/release-wasm/$1.wasm"
}

if [ "${1:-}" = hello ]; then
  cargo build -p kakehashi-hello --target wasm32-unknown-unknown --profile release-wasm
  rm -rf "$TARGET_DIR/hello-dist"
  bindgen kakehashi-hello "$TARGET_DIR/hello-dist"
  exit 0
fi

DIST=frontend/dist
cargo build -p kakehashi-frontend --target wasm32-unknown-unknown --profile release-wasm
rm -rf "$DIST"
for bundle in public account work company hub partner; do
  bindgen "kakehashi-$bundle" "$DIST"
done
cp frontend/index.html "$DIST/"
cp frontend/static/app.css "$DIST/"
cp frontend/static/loader.js "$DIST/"
