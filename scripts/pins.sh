#!/usr/bin/env bash
# Each tool version the build depends on is written once; the files that must repeat it (Trunk
# reads only Trunk.toml) are checked against that one place here, so they cannot drift apart.
# Run by scripts/setup.sh, so before every build and test run.
#   wasm-bindgen  Cargo.toml [workspace.dependencies] (exact pin), resolved in Cargo.lock
#                 = Trunk.toml [tools] wasm_bindgen = the wasm-bindgen-cli setup.sh installs
#   wasm-opt      package.json's binaryen (npm ci installs it)
#                 = Trunk.toml [tools] wasm_opt ("version_<major>")
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() { # what, the one place's value, the copy's value, where the copy is
  if [ "$2" != "$3" ]; then
    echo "[pins] $1: $4 says '$3', but the pin is '$2'" >&2
    fail=1
  fi
}
lock_version() { awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock; }
trunk_tool() { awk -F'"' -v k="$1" '$0 ~ "^" k " *=" { print $2; exit }' Trunk.toml; }

wbg=$(lock_version wasm-bindgen)
check wasm-bindgen "=$wbg" "$(awk -F'"' '/^wasm-bindgen = "/ { print $2; exit }' Cargo.toml)" "Cargo.toml's pin (vs Cargo.lock)"
check wasm-bindgen "$wbg" "$(trunk_tool wasm_bindgen)" "Trunk.toml [tools] wasm_bindgen"
binaryen=$(node -p "require('./package.json').devDependencies.binaryen")
check wasm-opt "version_${binaryen%%.*}" "$(trunk_tool wasm_opt)" "Trunk.toml [tools] wasm_opt (vs package.json binaryen)"
exit $fail
