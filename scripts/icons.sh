#!/usr/bin/env bash
# Renders the app icons (public/icons/*.png) from the SVGs with Debian's Chromium. Run by hand
# when an SVG changes; the PNGs are committed so a build needs nothing but the files.
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
tmp=$(mktemp -d)
render() { # svg size png
  cp "$1" "$tmp/"
  printf '<html><body style="margin:0"><img src="%s" width="%s" height="%s"></body></html>' "$1" "$2" "$2" > "$tmp/icon.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$PWD/$3" "$tmp/icon.html" 2>/dev/null
}
render favicon.svg 192 icon-192.png
render favicon.svg 512 icon-512.png
render maskable.svg 512 icon-maskable-512.png   # full bleed; the letters sit inside the safe circle
rm -r "$tmp"
