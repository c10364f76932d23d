#!/usr/bin/env bash
# Serve the site on this instance's address. Output goes to a file so the hook's pipes close.
set -euo pipefail
root="${GREENLIGHT_INSTANCE_ROOT:-}"
cd "$root/opt/demo-web"
nohup python3 -m http.server 18080 --bind "$GREENLIGHT_INSTANCE_ADDRESS" >"$root/opt/demo-web.log" 2>&1 &
echo $! > "$root/opt/demo-web.pid"
echo "serving $(cat version.txt) on $GREENLIGHT_INSTANCE_ADDRESS:18080"
