#!/usr/bin/env bash
# The site must answer with the expected version within 10 seconds.
set -euo pipefail
for _ in $(seq 1 10); do
  if curl -fsS http://127.0.0.1:8080/version.txt | grep -q '^v1$'; then
    exit 0
  fi
  sleep 1
done
echo "web v1 did not come up on :8080" >&2
exit 1
