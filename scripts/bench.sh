#!/usr/bin/env bash
# Builds the release bundle and prints its sizes and timings (a benchmark, not a test; the
# numbers and how to read them are in PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline

printf '%-34s %10s %10s %10s\n' file raw gzip-9 brotli-11
total_raw=0; total_gz=0; total_br=0
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/fonts/*.woff2 dist/content/*.json dist/examples/*.json dist/icons/* dist/*.webmanifest; do
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-34s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
done
printf '%-34s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
printf 'all files above, brotli: %d KiB (the first load is less: see (a) below)\n' $((total_br / 1024))
node scripts/bench.mjs
