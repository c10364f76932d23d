#!/usr/bin/env bash
# Runs every Greenlight test: install what the tests need (PostgreSQL, acl), build once (the solution and the sample
# bundles), then
#   1. every test outside the long property category (unit, table, replay, architecture, CLI), and
#   2. the property tests (trait Category=Property) with many cases, and
#   3. the README's first command (the demo) in a clean clone of HEAD, which must exit 0.
# Usage: ./eng/test.sh [extra dotnet test arguments]
# Environment: GREENLIGHT_PROPERTY_ITERATIONS (cases per property in pass 2; default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

./eng/ensure-test-tools.sh
dotnet build Greenlight.slnx -c Release -nologo -clp:ErrorsOnly
# The sample app and bundles (samples/README.md), once, before test assemblies run in parallel and ask for them.
./eng/sample-app.sh >/dev/null

status=0
run() {
  set +e
  dotnet test Greenlight.slnx -c Release --no-build -nologo "$@" 2>&1 | tee -a "$log"
  local s=${PIPESTATUS[0]}
  set -e
  [ "$s" -eq 0 ] || status=$s
}

echo "== tests"
GREENLIGHT_PROPERTY_ITERATIONS=200 run --filter "Category!=Property" "$@"
echo "== property tests (${GREENLIGHT_PROPERTY_ITERATIONS:-3000} cases each)"
GREENLIGHT_PROPERTY_ITERATIONS="${GREENLIGHT_PROPERTY_ITERATIONS:-3000}" run --filter "Category=Property" "$@"

# The README's first command (the demo) from a clean clone of HEAD, as a newcomer runs it: it must exit 0.
echo "== README commands from a clean clone"
./eng/readme-first-command.sh || status=1

# One closing line for the whole run, summed over both passes and every test assembly.
awk '
  /(Passed|Failed)! *- *Failed:/ {
    for (i = 1; i <= NF; i++) {
      v = $(i+1); gsub(",", "", v)
      if ($i == "Failed:") failed += v
      if ($i == "Passed:") passed += v
      if ($i == "Skipped:") skipped += v
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
