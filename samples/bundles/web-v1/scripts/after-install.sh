#!/usr/bin/env bash
# Record which revision is installed.
set -euo pipefail
echo "installed $(cat /opt/web/version.txt) at $(date -u +%FT%TZ)" >> /var/log/web-deploy.log
