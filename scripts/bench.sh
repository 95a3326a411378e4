#!/usr/bin/env bash
# Builds the release into dist-e2e/ and prints size and speed figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
trunk build --release --offline --dist dist-e2e
node scripts/bench.mjs
