#!/usr/bin/env bash
# Trunk's post_build hook (Trunk runs a stage's hooks at the same time, so the order lives
# here): first the app's wasm in parts (scripts/build-app.sh), then the per-language texts
# (content/<lang>.json and content/<lang>.ui.json, made by the core's own code from content/
# and locales/), the hosts' configuration files, every file's name with its content's hash, then
# sw.js's list of every file and the build's version.
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run by trunk build}
cd "$(dirname "$0")/.." # make-bundles reads content/ and locales/ from here
bash scripts/build-app.sh "$dir"
# Checkouts that share one target folder (git worktrees) set IOA_HOST_TARGET_DIR to one of their
# own: Cargo does not rebuild make-bundles when another checkout built it last, and it carries that
# checkout's core (its bundle format).
CARGO_TARGET_DIR=${IOA_HOST_TARGET_DIR:-${CARGO_TARGET_DIR:-target}} \
  cargo run --quiet --locked -p ioa-core --bin make-bundles -- "$dir"
# For hosts that take their settings from the folder itself (docs/HOSTING.md): IIS's web.config,
# Azure Static Web Apps' staticwebapp.config.json, and .nojekyll, without which GitHub Pages'
# branch method drops every file whose name starts with "_" (__wasm_split.js, so the app never
# starts). precache.mjs leaves all three out of the offline copy.
cp deploy/iis/web.config deploy/azure/staticwebapp.config.json "$dir/"
: > "$dir/.nojekyll"
# The licence notices and the SBOM of what ships (crates in the wasm, npm packages served).
node scripts/third-party.mjs "$dir"
# Every file but index.html, sw.js, the manifest, the icons and the host's files named by a hash
# of its content, and the names rewritten where they are used (see the script).
node scripts/hash-files.mjs "$dir"
node scripts/precache.mjs "$dir"
