#!/usr/bin/env bash
# Greenlight's demo, the README's first command: builds (once; later runs are incremental) the CLI in Release and the
# sample bundles (./eng/sample-app.sh), then runs `greenlight demo`, which starts an all-in-one server of its own in a
# temporary directory and narrates the scenario: an auto scaling group of 4 local instances behind the built-in load
# balancer, v1 in place (HalfAtATime), scale out to 5 (the new instance gets v1 by itself), v2 blue/green with a canary
# under load (no request may fail), and a broken v3 whose 5xx trip an alarm during its canary and which is rolled back
# automatically. It stops everything it started (also on a failure or Ctrl-C), checks that nothing is left running,
# and prints a summary. Arguments go to `greenlight demo` (e.g. --keep to explore afterwards; see --help).
# Exit code: the demo's own (0 only if every step behaved as expected; 1 otherwise, naming the step and why).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null 2>&1 || { echo "demo: dotnet is not on PATH: install the .NET SDK that global.json names" >&2; exit 2; }

echo "== Building greenlight (Release) and the sample bundles (only what changed since the last run)"
dotnet build src/Greenlight.Cli -c Release -nologo -v:quiet "-clp:ErrorsOnly;NoSummary"
./eng/sample-app.sh >/dev/null

exec dotnet src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll demo --bundles artifacts/sample-web/bundles "$@"
