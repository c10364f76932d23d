#!/usr/bin/env bash
# Stop the previous revision's server, if any.
set -euo pipefail
pidfile="${GREENLIGHT_INSTANCE_ROOT:-}/opt/demo-web.pid"
if [[ -f "$pidfile" ]]; then
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
  echo "stopped the previous revision"
fi
