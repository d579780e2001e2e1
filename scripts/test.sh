#!/usr/bin/env bash
# Runs every check and test: clippy, native core and Word file tests, browser tests
# (wasm-bindgen-test in headless Chromium), a release build, then end-to-end tests with
# Playwright against dist/. Installs what is missing. Prints a [timing] line for each step; a
# failed step does not stop the others, and the run fails at the end if any failed.
#
# Two lanes at once, as neither keeps both cores busy on its own (the release build links the
# app on one thread and runs wasm-opt file by file; the end-to-end tests mostly wait on the
# browser): lane 1 is clippy and the cargo tests, lane 2 the release build and then the
# end-to-end tests. Lane 2 builds in its own target folder ($target/trunk), so the lanes never
# wait for each other's cargo lock. Lane 1's output is printed when both are done.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
target=${CARGO_TARGET_DIR:-target}

timing() { printf '[timing] %s: %s s\n' "$1" "$2"; }
failed=0
run() {
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo "== $name"
  "$@" || { echo "[failed] $name"; failed=1; }
  timing "$name" $(( $(date +%s) - t0 ))
}

lane1() {
  run "rustfmt (every crate, rustfmt.toml)" cargo fmt --all --check
  run "clippy (host: core, Word file, their bins and tests)" \
    cargo clippy --locked -p ioa-core -p ioa-docx --all-targets -- -D warnings
  # --no-deps: the core's findings are the host step's.
  run "clippy (wasm: the app, its split build and its tests)" cargo clippy --locked \
    --target wasm32-unknown-unknown -p ioa-planleggeren --no-deps --lib --tests --features split -- -D warnings
  # Unit tests, then the integration tests in core/tests/ (example story, app sources, closed
  # page, import cycles, no global state); each binary prints its own count.
  run "native core tests" cargo test --locked -p ioa-core --lib --tests
  run "native Word file tests (ioa-docx)" cargo test --locked -p ioa-docx
  run "browser tests (wasm-bindgen-test, headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test web
  return $failed
}

lane2() {
  CARGO_TARGET_DIR=$target/trunk run "release build" trunk build --release --offline
  # Two test files at a time: each runs in its own process with its own server and browser,
  # and the timed tests run on Playwright's page clock, not the machine's.
  [ "$failed" = 1 ] || run "end-to-end tests (Playwright, Chromium)" node --test --test-concurrency=2 e2e/
  return $failed
}

started=$(date +%s)
log1=$(mktemp)
lane1 > "$log1" 2>&1 &
pid1=$!
status=0
lane2 || status=1
wait "$pid1" || status=1
echo "== lane 1, run beside the build:"
cat "$log1"
rm -f "$log1"
timing "all steps" $(( $(date +%s) - started ))
exit $status
