#!/usr/bin/env bash
# Installs whatever is missing to build and test IOA-planleggeren, and nothing else.
# Idempotent: every tool is skipped when the right version already answers. Downloads only from
# the package registries (Debian, crates.io, npm) and rustup; Trunk never downloads a tool.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
started=$(date +%s)

# `scripts/setup.sh build` installs only what a build needs (scripts/build.sh, the Pages workflow).
mode=${1:-all}

# Debian: Chromium and its driver for the browser tests; brotli to measure the bundle; zip for the
# release file (scripts/build.sh).
missing=()
command -v node >/dev/null || missing+=(nodejs npm)
command -v zip >/dev/null || missing+=(zip)
if [ "$mode" != build ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  # The hosting tests (e2e/hosting.test.mjs) run the shipped deploy/ configurations in Debian's
  # nginx and Apache (apache2-bin: the server and its modules, no service of its own).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -x /usr/sbin/apache2 ] || missing+=(apache2-bin)
  # A second engine for a smoke test (e2e/firefox.test.mjs, WebDriver BiDi through puppeteer-core).
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tool versions written in more than one file agree (scripts/pins.sh says which is the pin).
bash scripts/pins.sh

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds the standard library for size (scripts/build-app.sh): its sources.
if ! rustup component list --installed | grep -q '^rust-src'; then
  log "rustup: adding rust-src"
  rustup component add rust-src
fi

# The formatter and the linter scripts/test.sh runs first (rustup components, no download
# from elsewhere; a minimal rustup profile has neither).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "rustup: adding $component"
    rustup component add "$component"
  fi
done

# Trunk 0.21.14: 0.22 needs a newer rustc. No default features: no TLS, no update check.
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "cargo: installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock. Not --locked: the registry here
# lacks a version its lock file names.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version"; then
  log "cargo: installing wasm-bindgen-cli $wbg_version (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# wasm-split-cli splits the app's wasm into parts (scripts/build-app.sh). Its version must know
# the split points of the wasm_split_helpers in Cargo.lock (0.2.x).
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "cargo: installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# npm: binaryen (wasm-opt 132; Debian's 108 breaks the bundle), Designsystemet, Inter, Playwright,
# terser (minifies the JS glue).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Crates for offline builds (trunk build --offline passes --offline to cargo).
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

log "ready in $(( $(date +%s) - started )) s: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), wasm-split-cli $WASM_SPLIT_VERSION, $(chromium --version 2>/dev/null | head -1 || true)"
