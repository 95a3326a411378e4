#!/usr/bin/env bash
# Builds the site to publish into dist/: the release build (hardened by its
# post-build hook), the council reports as Word documents (innsyn report,
# into dist/rapport/ with the list the report pages link to), then every
# page rendered to static HTML by the app itself (scripts/render.mjs).
# Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
trunk build --release --offline
cargo run --release --locked -q -p innsyn-cli -- report --out dist/rapport > /dev/null
echo "build: $(ls dist/rapport/*.docx | wc -l) council reports in dist/rapport/"
node scripts/render.mjs dist
