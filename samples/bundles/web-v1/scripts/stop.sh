#!/usr/bin/env bash
# Stop the previous revision's server if it is running.
set -euo pipefail
if [[ -f /run/web.pid ]]; then
  kill "$(cat /run/web.pid)" 2>/dev/null || true
  rm -f /run/web.pid
fi
