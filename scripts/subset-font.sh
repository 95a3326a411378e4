#!/usr/bin/env bash
# Regenerates vendor/charts-rs/Roboto-subset.ttf: charts-rs's embedded Roboto
# cut down to the characters Innsyn's charts can show (Latin, Latin-1,
# Latin Extended-A/B, punctuation, arrows, minus and ≤ ≥), without hinting.
# The widths and outlines of those glyphs are unchanged, so charts measure
# text exactly as before; the wasm is ~57 KiB brotli smaller.
# Needs fontTools (pip install fonttools); not part of the build or tests.
#   scripts/subset-font.sh [ORIGINAL_ROBOTO.ttf]
# (default: the original setup.sh keeps beside the patched crate)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${1:-$ROOT/.vendor/charts-rs-$(cat "$ROOT/vendor/charts-rs/VERSION")/src/Roboto.ttf.orig}"
pyftsubset "$SRC" \
  --unicodes="U+0020-007E,U+00A0-024F,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2212,U+2264-2265" \
  --no-hinting --desubroutinize --layout-features='kern' --legacy-kern --name-IDs='*' \
  --output-file="$ROOT/vendor/charts-rs/Roboto-subset.ttf"
