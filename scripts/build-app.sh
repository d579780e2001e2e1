#!/usr/bin/env bash
# Builds the app's wasm in parts (run by scripts/post-build.sh, Trunk's post_build hook, with the
# staging folder). Trunk cannot split code, so this does what Trunk's rust step would, with
# `wasm-split` in the middle:
#   cargo build --features split   split points (src/split.rs) become imports; --emit-relocs
#                                  keeps what wasm-split needs to follow every call
#   wasm-split-cli                 the main wasm, one wasm per part, __wasm_split.js (loads a part)
#   wasm-bindgen                   the JS glue for the main wasm (keeps the exports parts use)
#   scripts/parts-map.mjs          each part's wasm files and the parts' stylesheets (style/parts/),
#                                  into the staged boot.js (it preloads them)
#   scripts/split-loader.mjs       the parts' loader falls back when .wasm is not application/wasm
#   scripts/boot-texts.mjs         the load failure texts from locales/, into the staged boot.js
#   wasm-opt -Oz                   each wasm on its own (release only)
#   terser                         the JS files and boot.js, minified (release only; names
#                                  exported to the wasm and between the files are kept)
#   scripts/hash-parts.mjs         the parts' file names get a hash of their content
# Output: ioa-planleggeren.js + ioa-planleggeren_bg.wasm (what public/boot.js starts), the parts
# and __wasm_split.js, all in the staging folder, so sw.js's list picks them up.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-${TRUNK_STAGING_DIR:?run by trunk build, or give the output folder}}
profile=${TRUNK_PROFILE:-release}
name=ioa-planleggeren
# Its own target folder (inside the checkout's, so CARGO_TARGET_DIR moves it too): other flags
# than the tests' wasm builds, so neither rebuilds the other.
target=${CARGO_TARGET_DIR:-target}/app
work=$target/split

cargo_profile=()
# The build id the about page, exported files and documents show (src/lib.rs, app_version).
IOA_BUILD_ID=$(bash scripts/build-id.sh)
export IOA_BUILD_ID
flags='"-Clink-args=--emit-relocs"'
if [ "$profile" = release ]; then
  cargo_profile=(--release)
  # The standard library rebuilt for size, with panics as a bare trap: Rust's prebuilt std
  # carries the code that formats a panic's message, which an app built with panic = "abort"
  # never shows anyone (and console_error_panic_hook then never runs). Measured: the main wasm
  # 174,681 -> 154,628 B brotli. -Zbuild-std and -Cpanic=immediate-abort are unstable: the
  # pinned stable compiler allows them through RUSTC_BOOTSTRAP=1 (as the Linux kernel builds
  # its Rust), and needs the rust-src component (scripts/setup.sh adds it).
  cargo_profile+=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  flags="$flags, \"-Zunstable-options\", \"-Cpanic=immediate-abort\""
  export RUSTC_BOOTSTRAP=1
fi
# Added to .cargo/config.toml's wasm flags (erase_components is set there, once): cargo joins a
# --config array to the file's, where RUSTFLAGS would replace it (so none may be set).
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
CARGO_TARGET_DIR=$target cargo build --config "target.wasm32-unknown-unknown.rustflags = [$flags]" \
  --locked --quiet "${cargo_profile[@]}" --target wasm32-unknown-unknown --bin "$name" --features split

rm -rf "$work" && mkdir -p "$work"
wasm-split-cli "$target/wasm32-unknown-unknown/$profile/$name.wasm" "$work" --target web --out-name "$name"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-name "$name" --out-dir "$dir" "$work/$name.wasm"
for part in "$work"/*.wasm; do
  [ "$part" = "$work/$name.wasm" ] || cp "$part" "$dir/"
done
cp "$work/__wasm_split.js" "$dir/"
# Which wasm files each part needs, written into boot.js, which preloads a deep link's part.
node scripts/parts-map.mjs "$work/__wasm_split.js" "$dir/boot.js"
# The parts load whatever type the server gives .wasm (as the main wasm does).
node scripts/split-loader.mjs "$dir/__wasm_split.js"
# The texts boot.js shows when the app's code cannot be loaded.
node scripts/boot-texts.mjs "$dir/boot.js"

if [ "$profile" = release ]; then
  # IOA_WASM_NAMES=1 keeps the functions' names (wasm-opt -g), so a CPU profile names them
  # (scripts/trace-link.mjs); for profiling only: the main wasm grows by its name section.
  names=()
  [ "${IOA_WASM_NAMES:-}" = 1 ] && names=(-g)
  for wasm in "$dir/${name}_bg.wasm" $(cd "$work" && ls *.wasm | grep -vx "$name.wasm" | sed "s|^|$dir/|"); do
    wasm-opt -Oz "${names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types "$wasm" -o "$wasm"
  done
  # boot.js too: it is in every first load, and its comments are for the source.
  for js in "$dir/$name.js" "$dir/__wasm_split.js"; do
    terser "$js" --module --compress --mangle --output "$js"
  done
  # boot.js is a classic script (public/boot.js says why): its names stay in its own block.
  terser "$dir/boot.js" --compress --mangle --output "$dir/boot.js"
fi
# The parts' names carry a hash of their content, so a tab never runs another build's part.
node scripts/hash-parts.mjs "$dir"
echo "build-app: $(cd "$dir" && ls *.wasm | tr '\n' ' ')"
