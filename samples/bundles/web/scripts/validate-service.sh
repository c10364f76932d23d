#!/usr/bin/env bash
# ValidateService: /health must answer 200 within SAMPLE_VALIDATE_SECONDS (default 20) and /version must be this
# bundle's version.
#
# Knobs (files in the bundle's root folder, next to appspec.yml; see README.md):
#   broken.txt        ValidateService fails on purpose (after the checks above), printing the file's text.
#   fail-only-on.txt  instance ids, one per line: fail on purpose only on those instances, succeed elsewhere.
#                     Implies broken.txt.
source "$(dirname "$0")/sample.sh"
record ValidateService
deadline=$(( $(date +%s) + ${SAMPLE_VALIDATE_SECONDS:-20} ))
until curl -fsS --max-time 2 -o /dev/null "$url/health" 2>/dev/null; do
  if ! running_pid >/dev/null; then
    echo "ValidateService: the sample app is not running; the end of $logs/app.log:" >&2
    tail -n 20 "$logs/app.log" >&2 2>/dev/null || true
    exit 1
  fi
  if (( $(date +%s) >= deadline )); then
    echo "ValidateService: $url/health did not answer 200 within ${SAMPLE_VALIDATE_SECONDS:-20} s" >&2
    exit 1
  fi
  sleep 0.1
done
served=$(curl -fsS --max-time 2 "$url/version" 2>&1) || true
if [[ $served != "$version" ]]; then
  echo "ValidateService: $url/version answered '$served', expected '$version' (is another process listening there?)" >&2
  exit 1
fi
echo "ValidateService: $url serves $version and is healthy"

if [[ -f $bundle/fail-only-on.txt ]]; then
  if ! grep -qxF -- "$instance" <(tr -d '\r' <"$bundle/fail-only-on.txt" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'); then
    echo "ValidateService: this bundle fails only on the instances in fail-only-on.txt, not on $instance"
    exit 0
  fi
  echo "ValidateService: failing on purpose: $instance is listed in fail-only-on.txt ($(cat "$bundle/broken.txt" 2>/dev/null || echo "a broken bundle"))" >&2
  exit 1
fi
if [[ -f $bundle/broken.txt ]]; then
  echo "ValidateService: failing on purpose: $(cat "$bundle/broken.txt")" >&2
  exit 1
fi
