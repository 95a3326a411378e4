#!/usr/bin/env bash
# Serves the dashboard with the bundled data on http://127.0.0.1:${PORT:-8080}/,
# rebuilding on every change. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${PORT:-8080}"
echo "Innsyn: http://127.0.0.1:$PORT/"
exec trunk serve --offline --address 127.0.0.1 --port "$PORT"
