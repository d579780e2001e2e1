#!/usr/bin/env bash
# Trunk's post_build hook (Trunk runs a stage's hooks at the same time, so the order lives
# here): first the app's wasm in parts (scripts/build-app.sh), then the per-language texts
# (content/<lang>.json and content/<lang>.ui.json, made by the core's own code from content/
# and locales/), then sw.js's list of every file and the build's version.
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run by trunk build}
bash scripts/build-app.sh "$dir"
cargo run --quiet --locked -p ioa-core --bin make-bundles -- "$dir"
node scripts/precache.mjs "$dir"
