#!/usr/bin/env bash
# Serve /opt/web on port 8080. Output is redirected so the hook's pipes close (no hang).
set -euo pipefail
cd /opt/web
nohup python3 -m http.server 8080 >/var/log/web.log 2>&1 &
echo $! > /run/web.pid
