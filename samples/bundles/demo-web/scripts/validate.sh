#!/usr/bin/env bash
# The site must answer with the version that was installed, within 10 seconds.
set -euo pipefail
want=$(cat "${GREENLIGHT_INSTANCE_ROOT:-}/opt/demo-web/version.txt")
for _ in $(seq 1 50); do
  if [[ "$(curl -fsS "http://$GREENLIGHT_INSTANCE_ADDRESS:18080/version.txt" 2>/dev/null)" == "$want" ]]; then
    echo "validated $want"
    exit 0
  fi
  sleep 0.2
done
echo "the site did not answer $want on $GREENLIGHT_INSTANCE_ADDRESS:18080" >&2
exit 1
