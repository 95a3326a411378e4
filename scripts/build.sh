#!/usr/bin/env bash
# Builds the site to publish into dist/: the release build (hardened by its
# post-build hook), then every page rendered to static HTML by the app
# itself (scripts/render.mjs). Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
trunk build --release --offline
node scripts/render.mjs dist
