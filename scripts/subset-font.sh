#!/usr/bin/env bash
# Regenerates vendor/charts-rs/crate/src/Roboto.ttf: charts-rs's embedded
# Roboto cut down to the characters Innsyn's charts can show (Latin, Latin-1,
# Latin Extended-A — Norwegian and Sámi letters and most European names —,
# punctuation, arrows, minus and ≤ ≥), without hinting.
# charts-rs only measures text with it (the browser draws the SVG's text in
# its own fonts): by each glyph's advance and the box of its outline. So the
# widths are kept, each outline is replaced by one line across its box (the
# curves' exact bounds, rounded outwards to whole font units), and the
# layout tables (kerning, which the measuring never applies) are dropped.
# Charts lay out text as before (the rendered demonstration pages' chart
# SVGs are byte for byte those made with the whole outlines); the wasm is
# ~67 KiB brotli smaller than with the whole font.
# Needs fontTools (pip install fonttools); not part of the build or tests.
#   scripts/subset-font.sh [ORIGINAL_ROBOTO.ttf]
# Without an argument it takes the original font from the published crate:
# charts-rs-VERSION.crate from cargo's cache, else from crates.io, checked
# against vendor/charts-rs/SHA256.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/vendor/charts-rs"
VERSION="$(cat "$VENDOR/VERSION")"
if [ $# -ge 1 ]; then
  SRC="$1"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  CRATE="$TMP/charts-rs-$VERSION.crate"
  CACHED="$(ls "$HOME"/.cargo/registry/cache/*/"charts-rs-$VERSION.crate" 2>/dev/null | head -1 || true)"
  if [ -n "$CACHED" ]; then cp "$CACHED" "$CRATE"; else
    curl -sSfL -o "$CRATE" "https://static.crates.io/crates/charts-rs/charts-rs-$VERSION.crate"
  fi
  echo "$(cat "$VENDOR/SHA256")  $CRATE" | sha256sum -c --quiet - ||
    { echo "subset-font: $CRATE does not have the checksum in vendor/charts-rs/SHA256." >&2; exit 1; }
  tar -xzf "$CRATE" -C "$TMP" "charts-rs-$VERSION/src/Roboto.ttf"
  SRC="$TMP/charts-rs-$VERSION/src/Roboto.ttf"
fi
pyftsubset "$SRC" \
  --unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2212,U+2264-2265" \
  --no-hinting --desubroutinize --layout-features='kern' --legacy-kern --name-IDs='*' \
  --output-file="$VENDOR/crate/src/Roboto.ttf"
python3 - "$VENDOR/crate/src/Roboto.ttf" <<'PY'
import math, sys
from fontTools.ttLib import TTFont
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
font = TTFont(sys.argv[1], recalcTimestamp=False)
glyphs, glyf = font.getGlyphSet(), font["glyf"]
for name in font.getGlyphOrder():
    if glyf[name].numberOfContours == 0:
        continue  # no outline (a space): nothing to measure but its advance
    bounds = BoundsPen(glyphs)
    glyphs[name].draw(bounds)
    x0, y0, x1, y1 = bounds.bounds
    pen = TTGlyphPen(None)
    pen.moveTo((math.floor(x0), math.floor(y0)))
    pen.lineTo((math.ceil(x1), math.ceil(y1)))
    pen.closePath()
    glyf[name] = pen.glyph()
for table in ("GPOS", "GDEF", "GSUB"):
    if table in font:
        del font[table]
font.save(sys.argv[1])
PY
