#!/usr/bin/env bash
# Prints the build id the app shows beside its version (src/lib.rs, app_version): the commit it is
# built from, with "-modified" when tracked files have changes; IOA_BUILD_ID set by hand wins.
# Used by scripts/build-app.sh (into the wasm) and scripts/build.sh (the release file's name).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${IOA_BUILD_ID:-}" ]; then echo "$IOA_BUILD_ID"; exit; fi
id=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ "$id" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then id="$id-modified"; fi
echo "$id"
