#!/usr/bin/env bash
# Runs every test: native core and Word file tests, browser tests (wasm-bindgen-test in headless Chromium),
# a release build, then end-to-end tests with Playwright against dist/. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

timing() { printf '[timing] %s: %s s\n' "$1" "$2"; }
run() {
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo "== $name"
  "$@"
  timing "$name" $(( $(date +%s) - t0 ))
}

# Unit tests, then the integration tests in core/tests/ (example story, app sources, closed page,
# import cycles, no global state); each binary prints its own count.
run "native core tests" cargo test --locked -p ioa-core --lib --tests
run "native Word file tests (ioa-docx)" cargo test --locked -p ioa-docx
run "browser tests (wasm-bindgen-test, headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test web
run "release build" trunk build --release --offline
run "end-to-end tests (Playwright, Chromium)" node --test --test-concurrency=1 e2e/
