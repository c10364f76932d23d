#!/usr/bin/env bash
# Runs every Greenlight test: build once, then every test project (unit, table, property, architecture, CLI).
# Usage: ./eng/test.sh [extra dotnet test arguments]
# Environment: GREENLIGHT_PROPERTY_ITERATIONS (default 2000 in the long property category).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export GREENLIGHT_PROPERTY_ITERATIONS="${GREENLIGHT_PROPERTY_ITERATIONS:-2000}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build Greenlight.slnx -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test Greenlight.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '
  /(Passed|Failed)! *- *Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") failed += $(i+1)
      if ($i == "Passed:") passed += $(i+1)
      if ($i == "Skipped:") skipped += $(i+1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
