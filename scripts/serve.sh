#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080 with live rebuild, installing whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline --address 127.0.0.1 --port 8080
