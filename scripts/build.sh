#!/usr/bin/env bash
# One command from a fresh clone to a release: installs what the build needs (scripts/setup.sh
# build), builds dist/ (trunk build --release --offline) and packs it as
# release/ioa-planleggeren-<version>+<build>.zip with its SHA-256 in a .sha256 file beside it.
# Publish the contents of dist/ (or of the zip); docs/HOSTING.md says how.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
name="ioa-planleggeren-$version+$(bash scripts/build-id.sh)"
mkdir -p release
rm -f "release/$name.zip" "release/$name.zip.sha256"
(cd dist && zip -qrX "../release/$name.zip" .)
(cd release && sha256sum "$name.zip" > "$name.zip.sha256")
echo "build: dist/ and release/$name.zip ($(du -k "release/$name.zip" | cut -f1) KiB), SHA-256 $(cut -d' ' -f1 "release/$name.zip.sha256")"
