#!/usr/bin/env sh
# Builds the Yew app into frontend/dist: the release wasm, its wasm-bindgen glue (an ES module
# that index.html imports by absolute path), index.html and app.css.
# WASM_BINDGEN: the wasm-bindgen CLI to use; its version must equal the wasm-bindgen crate's
# in Cargo.lock (cargo install wasm-bindgen-cli --version <that>).
set -eu

cd "$(dirname "$0")/.."
WASM_BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
DIST=frontend/dist

cargo build -p kakehashi-frontend --target wasm32-unknown-unknown --profile release-wasm

rm -rf "$DIST"
# The name section only serves debuggers and is about a third of the file.
"$WASM_BINDGEN" --target web --no-typescript --remove-name-section --out-dir "$DIST" \
  "$TARGET_DIR/wasm32-unknown-unknown/release-wasm/kakehashi-frontend.wasm"
cp frontend/index.html "$DIST/"
cp frontend/static/app.css "$DIST/"
